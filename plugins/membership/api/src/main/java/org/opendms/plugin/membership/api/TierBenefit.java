package org.opendms.plugin.membership.api;

import java.math.BigDecimal;

/**
 * What a tier gives off the member's own bills (会员等级折扣), as percent of the lines' net: taken off at settlement
 * before the cashier's discount and printed on the bill. STANDARD gives nothing unless the shop sets it.
 *
 * @param labourOff percent off labour lines, 0 – 50 with at most 2 decimals, e.g. 10 (九折)
 * @param partsOff  percent off part lines, 0 – 50
 * @param price     what the tier costs bought at the desk ({@code tierPurchases}); null when it is not for sale
 * @param months    how long a tier bought runs; null when it is not for sale
 *
 * @since 1.1
 */
public record TierBenefit(String tier, BigDecimal labourOff, BigDecimal partsOff, BigDecimal price, Integer months,
        long version) {
}
