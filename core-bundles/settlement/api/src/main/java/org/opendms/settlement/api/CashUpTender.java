package org.opendms.settlement.api;

import java.math.BigDecimal;

/**
 * What a cashier's day should hold in one tender: payments less refunds, deposits and receipts the cashier took.
 *
 * @param count how many entries (payments, refunds, deposits, receipts) make it up
 */
public record CashUpTender(String method, BigDecimal amount, int count) {
}
