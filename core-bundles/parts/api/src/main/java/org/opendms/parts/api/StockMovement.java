package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ledger row (库存流水), never changed once written.
 *
 * @param postingId        the posting it belongs to: rows posted together commit together
 * @param quantity         signed change of on hand in the warehouse and bin
 * @param unitCost         the cost per unit it moved at (4 decimals); null for roles without {@code parts.cost.read}
 * @param value            quantity × unit cost, signed, 2 decimals; null like the cost
 * @param onHandAfter      the part's on hand in the warehouse after this row
 * @param averageCostAfter the warehouse's moving-average cost after this row; null like the cost
 * @param transferId       TRANSFER_OUT, TRANSFER_IN: the transfer
 */
public record StockMovement(long id, long postingId, MovementType type, long partId, String partNumber,
        long warehouseId, long binId, String batchNumber, BigDecimal quantity, BigDecimal unitCost, BigDecimal value,
        BigDecimal onHandAfter, BigDecimal averageCostAfter, Long workOrderId, Long lineId, Long transferId,
        String reference, String reason, String username, Instant at) {
}
