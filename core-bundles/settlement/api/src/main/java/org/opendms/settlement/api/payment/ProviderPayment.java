package org.opendms.settlement.api.payment;

import java.time.Instant;

/**
 * A payment as the provider reports it (the answer to a create or a query, or a verified notification).
 *
 * @param outTradeNo    the platform's number the provider echoes
 * @param state         what the provider says
 * @param transactionId the provider's transaction number once paid (微信支付订单号); else null
 * @param amountFen     the amount the provider took (or will take), in fen; null when it does not say
 * @param codeUrl       NATIVE_QR on create: what the QR code encodes; else null
 * @param paidAt        when the provider took the money; null until then
 * @param detail        the provider's own words (trade state and description), for the record
 */
public record ProviderPayment(String outTradeNo, ProviderState state, String transactionId, Long amountFen,
        String codeUrl, Instant paidAt, String detail) {
}
