package org.opendms.settlement.api;

import java.math.BigDecimal;

/**
 * One tender of a payment as stored; a refund (on a reversal document) has a negative amount.
 *
 * @param method    {@link TenderMethods} or a plugin's code
 * @param amount    what it pays of the document
 * @param tendered  cash: what the customer handed over; else null
 * @param change    cash: tendered − amount; else null
 * @param reference the provider's transaction number (WeChat Pay, Alipay), the card slip, the deposit's id, the
 *                  plugin's reference
 */
public record Tender(long id, String method, BigDecimal amount, BigDecimal tendered, BigDecimal change,
        String reference) {
}
