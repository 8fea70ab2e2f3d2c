package org.opendms.settlement.api.payment;

import java.time.Instant;

/**
 * What the platform asks a provider to collect.
 *
 * @param outTradeNo  the platform's number of this payment (商户订单号), unique per shop, at most 32 letters and digits
 * @param amountFen   the amount in fen, more than 0
 * @param description what the customer's app shows, e.g. "维修结算 JS20261202-0001"
 * @param scene       QR code or payment code
 * @param authCode    PAYMENT_CODE: the code scanned from the customer's phone; NATIVE_QR: null
 * @param expiresAt   after this the provider must refuse to take the money
 */
public record PaymentOrder(String outTradeNo, long amountFen, String description, PaymentScene scene, String authCode,
        Instant expiresAt) {
}
