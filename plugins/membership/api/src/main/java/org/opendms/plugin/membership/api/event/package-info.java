/**
 * What the membership plugin tells others (an SMS plugin telling a member of a payment, a report).
 * <p>
 * 1.1.0: count-card uses, points movements, coupon uses and tier changes.
 */
@Export
@Version("1.1.0")
package org.opendms.plugin.membership.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
