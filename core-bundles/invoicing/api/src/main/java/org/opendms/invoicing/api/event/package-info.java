/**
 * Invoice events for plugins (a report, a message to the customer, a driver's follow-up): an
 * {@link org.opendms.invoicing.api.event.InvoiceListener} is told after the change committed.
 * <p>
 * 1.0.0: the first version: requested, issued, voided.
 */
@Export
@Version("1.0.0")
package org.opendms.invoicing.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
