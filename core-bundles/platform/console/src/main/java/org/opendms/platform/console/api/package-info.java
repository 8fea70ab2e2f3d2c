/** Support for dms:* console commands. */
@Export
@Version("1.2.0")
package org.opendms.platform.console.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
