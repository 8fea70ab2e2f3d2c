package org.opendms.plugin.insurance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A motor insurance policy (保单) of one vehicle.
 *
 * @param plate     the vehicle's plate as stored on the vehicle, for display; null for a vehicle without a plate
 * @param startDate first day of cover
 * @param endDate   last day of cover, inclusive
 * @param premium   保费 in yuan, two decimals
 * @param version   changes with every change; send it back to update
 */
public record Policy(long id, long vehicleId, String plate, String insurer, String policyNumber, PolicyKind kind,
        LocalDate startDate, LocalDate endDate, BigDecimal premium, String note, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, long version) {
}
