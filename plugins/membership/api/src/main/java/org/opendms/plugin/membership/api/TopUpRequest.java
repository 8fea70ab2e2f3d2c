package org.opendms.plugin.membership.api;

import java.math.BigDecimal;

/**
 * A top-up (充值) sold at the cashier.
 *
 * @param amount    principal paid in, yuan, 0.01 – 100,000
 * @param bonus     given on top (e.g. 100 on 1,000); null: the shop's rule for the amount
 * @param paidWith  the core tender it was paid with: CASH, WECHAT, ALIPAY, BANK_CARD
 * @param reference the receipt or payment reference, for the cash-up
 */
public record TopUpRequest(BigDecimal amount, BigDecimal bonus, String paidWith, String reference) {
}
