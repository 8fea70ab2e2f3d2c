package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/**
 * One part on a purchase order.
 *
 * @param quantity    ordered
 * @param received    received so far over all receipts
 * @param unitPrice   the agreed price per unit (without VAT), up to 4 decimals
 * @param amount      quantity × unitPrice, 2 decimals
 * @param workOrderId a special order (订货) for this work order's customer, or null for stock
 */
public record PurchaseOrderLine(long id, long partId, String partNumber, String partName, BigDecimal quantity,
        BigDecimal received, BigDecimal unitPrice, BigDecimal amount, Long workOrderId) {

    /** What is still to come (never below 0). */
    public BigDecimal open() {
        BigDecimal open = quantity.subtract(received);
        return open.signum() < 0 ? BigDecimal.ZERO.setScale(open.scale()) : open;
    }
}
