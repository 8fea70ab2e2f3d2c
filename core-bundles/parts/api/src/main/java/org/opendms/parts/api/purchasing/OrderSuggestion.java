package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/**
 * A part a warehouse should order, and why.
 *
 * <pre>
 * projected = onHand − reserved + onOrder − openDemand
 * reorder when projected ≤ reorderPoint (or &lt; minimum when there is no reorder point), or openDemand is not covered
 * quantity   = max − projected (at least what uncovered demand needs), rounded up to the supplier's minimum order
 * </pre>
 *
 * @param onOrder    open quantity of SENT and PARTLY_RECEIVED purchase orders into this warehouse
 * @param openDemand special orders for work orders not yet on a purchase order
 * @param quantity   the suggested quantity to order
 * @param supplierId the cheapest supplier with a price for the part, or null
 * @param unitPrice  that supplier's price, or null
 * @param reason     why, in Chinese and English, e.g. "可用 2 ≤ 订货点 5 projected 2 ≤ reorder point 5"
 */
public record OrderSuggestion(long warehouseId, long partId, String partNumber, String partName, BigDecimal onHand,
        BigDecimal reserved, BigDecimal onOrder, BigDecimal openDemand, BigDecimal minimum, BigDecimal maximum,
        BigDecimal reorderPoint, BigDecimal projected, BigDecimal quantity, Long supplierId, String supplierName,
        BigDecimal unitPrice, String reason) {
}
