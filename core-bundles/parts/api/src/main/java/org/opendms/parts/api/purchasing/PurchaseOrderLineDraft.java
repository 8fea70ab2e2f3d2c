package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/**
 * A part to order, named by id or by number (any spelling, or a scanned label). {@code unitPrice} null takes the
 * supplier's price of the part (refused when there is none: {@code price.unknown}).
 */
public record PurchaseOrderLineDraft(Long partId, String partNumber, BigDecimal quantity, BigDecimal unitPrice,
        Long workOrderId) {
}
