package org.opendms.parts.api.purchasing;

import java.time.LocalDate;
import java.util.List;

/** A new purchase order, or a draft's new content (supplier, warehouse and all lines replaced). */
public record PurchaseOrderDraft(Long supplierId, Long warehouseId, LocalDate expectedDate, String note,
        List<PurchaseOrderLineDraft> lines) {
}
