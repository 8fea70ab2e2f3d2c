/**
 * Settlement events for plugins (membership points on a settled bill, the insurer's claim, a report): a
 * {@link org.opendms.settlement.api.event.SettlementListener} is told after the change committed.
 * <p>
 * 1.0.0: the first version: settled and reversed. 1.1.0: a credit statement issued, a cashier's day closed (for the
 * SMS plugin's statement notice, a report of the day's takings).
 */
@Export
@Version("1.1.0")
package org.opendms.settlement.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
