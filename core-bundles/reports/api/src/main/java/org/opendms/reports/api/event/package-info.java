/**
 * Report events: a {@link org.opendms.reports.api.event.ReportsListener} registered as a service hears, after the
 * commit, when the shop's resources or calendar changed (a plugin that pays commissions recomputes the month) and
 * when an alert was raised (the SMS plugin tells the manager).
 * <p>
 * 1.0.0: the first version.
 */
@Export
@Version("1.0.0")
package org.opendms.reports.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
