/**
 * The insurance plugin's published API: motor policies per vehicle and the list of policies due for renewal, for
 * other plugins (reminders, accident repair) to build on.
 */
@Export
@Version("2.0.0")
package org.opendms.plugin.insurance.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
