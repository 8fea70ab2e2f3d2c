package org.opendms.parts.api.purchasing;

import java.time.Instant;
import java.util.Objects;

/**
 * Something committed happened to a purchase order. A listener that needs the lines reads the order by id.
 *
 * @param status    the order's status after the event (a {@link PurchaseOrderStatus} name)
 * @param receiptId receivedPartly/received: the receipt; otherwise null
 */
public record PurchasingEvent(long purchaseOrderId, String number, long supplierId, long warehouseId, String status,
        Long receiptId, String username, Instant at) {
    public PurchasingEvent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
