package org.opendms.settlement.api;

import java.math.BigDecimal;

/**
 * One tender of a payment as the cashier enters it.
 *
 * @param method    {@link TenderMethods} or a plugin's code ({@link TenderProvider#method()})
 * @param amount    what it pays, yuan, more than 0, at most 2 decimals
 * @param tendered  cash only: what the customer handed over (at least the amount); null means exactly the amount
 * @param reference WECHAT and ALIPAY: the provider's transaction number (required, unique); DEPOSIT: the deposit's id;
 *                  BANK_CARD: the slip number (optional); a plugin's tender: what its provider asks for
 */
public record TenderDraft(String method, BigDecimal amount, BigDecimal tendered, String reference) {
}
