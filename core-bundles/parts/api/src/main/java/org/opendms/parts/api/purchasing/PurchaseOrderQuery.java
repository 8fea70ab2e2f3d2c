package org.opendms.parts.api.purchasing;

/** Filters of the purchase-order list; each null means any. {@code open}: SENT or PARTLY_RECEIVED only. */
public record PurchaseOrderQuery(Long supplierId, Long warehouseId, PurchaseOrderStatus status, Boolean open,
        String number) {
}
