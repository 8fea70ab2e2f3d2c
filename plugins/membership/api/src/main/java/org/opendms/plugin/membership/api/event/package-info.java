/** What the membership plugin tells others (an SMS plugin telling a member of a payment, a report). */
@Export
@Version("1.0.0")
package org.opendms.plugin.membership.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
