/**
 * The platform's published API: what every core bundle and every plugin codes against for errors,
 * paging and the acting user.
 */
@Export
@Version("1.4.0")
package org.opendms.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
