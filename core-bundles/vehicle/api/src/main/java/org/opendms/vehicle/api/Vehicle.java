package org.opendms.vehicle.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A vehicle as every screen and plugin sees it. VIN and plate are in their stored, normalised spelling.
 *
 * @param plate          null for a new car not yet registered
 * @param userId         使用人; null when the owner uses the vehicle
 * @param lastOdometerKm the latest odometer reading, null before the first one
 * @param version        changes with every change, an odometer reading included; send it back to update
 */
public record Vehicle(long id, String vin, String plate, String make, String model, Integer year, String engineNumber,
        String colour, EnergyType energyType, long ownerId, Long userId, LocalDate insuranceDueDate,
        LocalDate inspectionDueDate, boolean active, Integer lastOdometerKm, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, long version) {
}
