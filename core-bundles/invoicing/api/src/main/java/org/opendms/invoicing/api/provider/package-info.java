/**
 * The invoice-provider SPI (开票服务): a driver of the tax authority's digital invoice service (数电票, through the
 * shop's channel or a service provider) implements {@link org.opendms.invoicing.api.provider.InvoiceProvider} and
 * registers it as a service; while it runs, invoices are issued and voided through it instead of by hand. A driver
 * speaks the provider's protocol only; the platform keeps the records, the states and the locks.
 * <p>
 * 1.0.0: the first version.
 */
@Export
@Version("1.0.0")
package org.opendms.invoicing.api.provider;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
