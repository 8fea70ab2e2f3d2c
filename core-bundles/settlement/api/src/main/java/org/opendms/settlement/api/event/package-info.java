/**
 * Settlement events for plugins (membership points on a settled bill, the insurer's claim, a report): a
 * {@link org.opendms.settlement.api.event.SettlementListener} is told after the change committed.
 * <p>
 * 1.0.0: the first version: settled and reversed.
 */
@Export
@Version("1.0.0")
package org.opendms.settlement.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
