package org.opendms.parts.api.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed ledger row. Types are the names of {@code org.opendms.parts.api.MovementType}, kept as text so that this
 * package stands alone. Costs are left out: a plugin that needs them reads the ledger with its own actor.
 *
 * @param quantity       signed change of on hand
 * @param onHandAfter    the part's on hand in the warehouse after the row
 * @param availableAfter on hand − reserved in the warehouse after the row
 * @param workOrderId    ISSUE, RETURN, OLD_PART_KEPT: the work order; otherwise null
 * @param lineId         likewise its part line
 * @param transferId     TRANSFER_OUT, TRANSFER_IN: the transfer; otherwise null
 */
public record StockEvent(long movementId, long postingId, String type, long partId, String partNumber,
        long warehouseId, long binId, BigDecimal quantity, BigDecimal onHandAfter, BigDecimal availableAfter,
        Long workOrderId, Long lineId, Long transferId, String reference, String username, Instant at) {

    public StockEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(partNumber, "partNumber");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(at, "at");
    }
}
