package org.opendms.parts.api;

/**
 * The kinds of ledger entry (库存流水). The quantity of a {@link StockMovement} is signed: what it added to (+) or took
 * from (−) on hand in its warehouse and bin.
 */
public enum MovementType {
    /** 入库: received from a supplier (against a purchase order or without), +, at the purchase cost. */
    RECEIPT,
    /** 领料: issued to a work-order line, −, at the average cost; consumes the line's reservation first. */
    ISSUE,
    /** 退料: returned from a work-order line, +, at the cost it was issued at; not more than the line got. */
    RETURN,
    /** 调拨出库: sent to another warehouse, −; in transit until received ({@link Transfers}). */
    TRANSFER_OUT,
    /** 调拨入库: a transfer received, +, at the cost it left with. */
    TRANSFER_IN,
    /** 盘点调整: a stocktake variance (or a correction), + or −; a gain at the average cost unless one is given. */
    ADJUSTMENT,
    /** 退供应商: returned to the supplier, −, at the average cost. */
    RETURN_TO_SUPPLIER,
    /**
     * 以坏换新 / 旧件: a failed part taken off a vehicle and kept for a warranty claim, + into an
     * {@link WarehouseKind#OLD_PARTS} warehouse at no cost; sent back with RETURN_TO_SUPPLIER.
     */
    OLD_PART_KEPT
}
