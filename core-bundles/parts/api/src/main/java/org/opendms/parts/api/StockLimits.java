package org.opendms.parts.api;

import java.math.BigDecimal;

/**
 * Stock limits of a part in a warehouse (库存上下限); each 0 or more, absent means none.
 *
 * @param minimum      below it the part is reported (below-minimum alert)
 * @param maximum      an order suggestion fills up to it; not below the minimum
 * @param reorderPoint when available + on order falls to it, an order is suggested; not above the maximum
 */
public record StockLimits(BigDecimal minimum, BigDecimal maximum, BigDecimal reorderPoint) {
}
