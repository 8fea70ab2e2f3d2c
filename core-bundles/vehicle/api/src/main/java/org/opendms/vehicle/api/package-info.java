/**
 * Published vehicle API: value types, records and the service that core bundles and plugins call.
 * <p>
 * 2.1.0: {@link org.opendms.vehicle.api.VehicleWork}: a technician confirms a lower odometer reading only on a car he
 * is dispatched to.
 */
@Export
@Version("2.1.0")
package org.opendms.vehicle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
