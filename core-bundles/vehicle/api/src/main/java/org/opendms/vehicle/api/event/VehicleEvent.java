package org.opendms.vehicle.api.event;

import java.time.Instant;
import java.util.Objects;

import org.opendms.vehicle.api.Vehicle;
import org.opendms.platform.api.ChangeKind;

/**
 * A vehicle was created or changed (its file or its odometer).
 *
 * @param before   the vehicle before the change; null when {@code kind} is CREATED
 * @param after    the vehicle as committed
 * @param username who made the change
 * @param at       when it was committed
 */
public record VehicleEvent(ChangeKind kind, Vehicle before, Vehicle after, String username, Instant at) {
    public VehicleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }
}
