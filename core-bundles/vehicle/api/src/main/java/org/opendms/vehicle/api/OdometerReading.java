package org.opendms.vehicle.api;

import java.time.Instant;

/**
 * One odometer (里程表) reading, kept for good: mileage decides maintenance due dates and warranty cover, so a
 * reading is never changed or dropped, and a lower one than before is only stored when someone confirmed it.
 *
 * @param source         where it was read, e.g. "manual" or "reception"
 * @param confirmedLower true when it was lower than the reading before and the user confirmed it (a replaced
 *                       instrument cluster, an earlier typing mistake)
 */
public record OdometerReading(long vehicleId, int km, Instant readAt, String source, String recordedBy,
        boolean confirmedLower) {
}
