package org.opendms.vehicle.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whether a technician works on a vehicle now, so that a technician confirms a lower odometer reading only on a car he
 * is dispatched to. The work-order bundle provides it.
 */
@ConsumerType
public interface VehicleWork {

    /** True when a job of an open work order of the vehicle is dispatched to the technician. */
    boolean worksOn(String technician, long vehicleId);
}
