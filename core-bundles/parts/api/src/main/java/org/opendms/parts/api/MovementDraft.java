package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line to post to the ledger. Factories name the fields each type needs; {@link StockLedger#post} validates the
 * rest (a field of line i is named {@code lines[i].<field>}).
 *
 * @param type        required; TRANSFER_OUT and TRANSFER_IN only through {@link Transfers}
 * @param partId      required, an active part (except for RETURN_TO_SUPPLIER and ADJUSTMENT)
 * @param warehouseId required, an active warehouse
 * @param binId       optional: receipts, returns and gains go to the warehouse's default bin; issues and losses take
 *                    from the bins holding stock (batch-tracked parts first expiry first), which may post one row per
 *                    bin or batch
 * @param quantity    more than 0 (ADJUSTMENT: not 0, + for a gain, − for a loss); at most 2 decimals, whole units for
 *                    a part not counted in decimals; at most 999999
 * @param unitCost    RECEIPT: required, purchase cost per unit without tax, 0 or more, at most 4 decimals;
 *                    ADJUSTMENT gain: optional (absent takes the average cost); others: must be absent
 * @param batchNumber RECEIPT, RETURN, gain of a batch-tracked part: required; ISSUE, loss: optional (absent: FEFO)
 * @param expiresOn   RECEIPT of a batch-tracked part: the batch's expiry, optional; refused when already past
 * @param workOrderId ISSUE, RETURN, OLD_PART_KEPT: required, the work order
 * @param lineId      ISSUE, RETURN, OLD_PART_KEPT: required, its part line
 * @param reference   optional document number, at most 40 characters: purchase order, delivery note, stocktake,
 *                    supplier return note
 * @param reason      ADJUSTMENT, RETURN_TO_SUPPLIER: required; others optional; at most 200 characters
 */
public record MovementDraft(MovementType type, long partId, long warehouseId, Long binId, BigDecimal quantity,
        BigDecimal unitCost, String batchNumber, LocalDate expiresOn, Long workOrderId, Long lineId, String reference,
        String reason) {

    /** A receipt of {@code quantity} at {@code unitCost} (yuan without tax) into a bin (null: the default bin). */
    public static MovementDraft receipt(long partId, long warehouseId, Long binId, BigDecimal quantity,
            BigDecimal unitCost, String reference) {
        return new MovementDraft(MovementType.RECEIPT, partId, warehouseId, binId, quantity, unitCost, null, null,
                null, null, reference, null);
    }

    /** An issue to a work-order part line, from any bin holding stock (null) or from one bin. */
    public static MovementDraft issue(long partId, long warehouseId, Long binId, BigDecimal quantity, long workOrderId,
            long lineId) {
        return new MovementDraft(MovementType.ISSUE, partId, warehouseId, binId, quantity, null, null, null,
                workOrderId, lineId, null, null);
    }

    /** A return from a work-order part line into a bin (null: the default bin). */
    public static MovementDraft returned(long partId, long warehouseId, Long binId, BigDecimal quantity,
            long workOrderId, long lineId, String reason) {
        return new MovementDraft(MovementType.RETURN, partId, warehouseId, binId, quantity, null, null, null,
                workOrderId, lineId, null, reason);
    }

    /** A stocktake variance or correction: + gain, − loss. */
    public static MovementDraft adjustment(long partId, long warehouseId, Long binId, BigDecimal signedQuantity,
            String reference, String reason) {
        return new MovementDraft(MovementType.ADJUSTMENT, partId, warehouseId, binId, signedQuantity, null, null, null,
                null, null, reference, reason);
    }

    /** Goods sent back to the supplier. */
    public static MovementDraft returnToSupplier(long partId, long warehouseId, Long binId, BigDecimal quantity,
            String reference, String reason) {
        return new MovementDraft(MovementType.RETURN_TO_SUPPLIER, partId, warehouseId, binId, quantity, null, null,
                null, null, null, reference, reason);
    }

    /** A failed part of a work-order line kept for a warranty claim, into an OLD_PARTS warehouse. */
    public static MovementDraft oldPartKept(long partId, long oldPartsWarehouseId, BigDecimal quantity,
            long workOrderId, long lineId, String reason) {
        return new MovementDraft(MovementType.OLD_PART_KEPT, partId, oldPartsWarehouseId, null, quantity, null, null,
                null, workOrderId, lineId, null, reason);
    }

    /** The same line into or out of a batch. */
    public MovementDraft inBatch(String batchNumber, LocalDate expiresOn) {
        return new MovementDraft(type, partId, warehouseId, binId, quantity, unitCost, batchNumber, expiresOn,
                workOrderId, lineId, reference, reason);
    }

    /** The same line with a unit cost (a stocktake gain at a known cost). */
    public MovementDraft atCost(BigDecimal unitCost) {
        return new MovementDraft(type, partId, warehouseId, binId, quantity, unitCost, batchNumber, expiresOn,
                workOrderId, lineId, reference, reason);
    }
}
