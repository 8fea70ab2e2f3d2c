package org.opendms.parts.api.purchasing;

import java.time.LocalDate;
import java.util.List;

/**
 * A new purchase order, or a draft's new content (supplier, warehouse and all lines replaced).
 *
 * @param urgent true for an urgent order (紧急订货: a stock-out, a car waiting) rather than replenishment; its lines
 *               count in the parts figures' urgent order rate once it is sent. Null (a client that does not know the
 *               flag) is replenishment.
 */
public record PurchaseOrderDraft(Long supplierId, Long warehouseId, LocalDate expectedDate, String note,
        List<PurchaseOrderLineDraft> lines, Boolean urgent) {

    /** A replenishment order (not urgent), as before 1.1. */
    public PurchaseOrderDraft(Long supplierId, Long warehouseId, LocalDate expectedDate, String note,
            List<PurchaseOrderLineDraft> lines) {
        this(supplierId, warehouseId, expectedDate, note, lines, false);
    }
}
