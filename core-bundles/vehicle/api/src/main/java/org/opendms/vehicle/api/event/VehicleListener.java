package org.opendms.vehicle.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/** Implemented by plugins and registered as a service: told of every committed vehicle change. */
@ConsumerType
public interface VehicleListener {
    void vehicleChanged(VehicleEvent event);
}
