package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 订金: money taken at reception for a work order, used as a tender when it is settled.
 *
 * @param method    how it was paid: CASH, BANK_CARD, WECHAT or ALIPAY
 * @param reference the provider's transaction number for WECHAT and ALIPAY
 * @param used      how much of it payments have used (a reversal gives it back)
 */
public record Deposit(long id, long workOrderId, long customerId, BigDecimal amount, BigDecimal used, String method,
        String reference, Instant takenAt, String takenBy) {

    public BigDecimal left() {
        return amount.subtract(used);
    }
}
