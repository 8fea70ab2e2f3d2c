package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier bought (付费会员, e.g. GOLD for 299 a year): while it runs the member is at least that tier, whatever their
 * spend. Sold at the desk like a top-up and counted in the cashier's day.
 *
 * @param validFrom the shop's day of the sale
 * @param validTo   the last day it holds
 * @param paidWith  the core tender the customer paid with: CASH, WECHAT, ALIPAY, BANK_CARD
 *
 * @since 1.1
 */
public record TierPurchase(long id, long memberId, String tier, BigDecimal price, String paidWith, String reference,
        LocalDate validFrom, LocalDate validTo, Instant soldAt, String soldBy) {
}
