package ${package};

import java.time.Instant;

/** A stored note on a vehicle. */
public record VehicleNote(long id, long vehicleId, String text, Instant createdAt, String createdBy) {
}
