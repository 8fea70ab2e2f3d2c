/**
 * Published vehicle API: value types, records and the service that core bundles and plugins call.
 */
@Export
@Version("2.1.0")
package org.opendms.vehicle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
