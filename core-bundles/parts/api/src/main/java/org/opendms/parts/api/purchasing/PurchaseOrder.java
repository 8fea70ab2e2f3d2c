package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order (采购单) to one supplier, delivered into one warehouse.
 *
 * @param number       e.g. PO20261202-0001
 * @param expectedDate when the goods should arrive (sent day plus the supplier's lead time unless given)
 * @param total        the lines' amounts, yuan
 * @param sentAt       when it was sent, null before
 * @param reason       why it was cancelled, if it was
 * @param urgent       an urgent order (紧急订货) rather than replenishment
 */
public record PurchaseOrder(long id, String number, long supplierId, String supplierName, long warehouseId,
        PurchaseOrderStatus status, LocalDate expectedDate, String note, List<PurchaseOrderLine> lines,
        BigDecimal total, Instant sentAt, String reason, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy, long version, boolean urgent) {

    public PurchaseOrder {
        lines = List.copyOf(lines);
    }

    /** A replenishment order (not urgent), as before 1.1. */
    public PurchaseOrder(long id, String number, long supplierId, String supplierName, long warehouseId,
            PurchaseOrderStatus status, LocalDate expectedDate, String note, List<PurchaseOrderLine> lines,
            BigDecimal total, Instant sentAt, String reason, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy, long version) {
        this(id, number, supplierId, supplierName, warehouseId, status, expectedDate, note, lines, total, sentAt,
                reason, createdAt, createdBy, updatedAt, updatedBy, version, false);
    }
}
