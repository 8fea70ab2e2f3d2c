package org.opendms.settlement.api.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An online payment of a settlement document.
 *
 * @param number        the platform's number sent to the provider (商户订单号), e.g. OP20261202000000001
 * @param provider      the provider's code, e.g. WECHATPAY
 * @param tenderMethod  the tender it becomes, e.g. WECHAT
 * @param amount        yuan, 2 decimals
 * @param codeUrl       NATIVE_QR: what the QR code shown to the customer encodes; else null
 * @param transactionId the provider's transaction number once paid; the tender's reference
 * @param refunded      yuan given back so far
 * @param detail        the provider's last words (a failure's message)
 */
public record OnlinePayment(long id, String number, long settlementId, String provider, String tenderMethod,
        PaymentScene scene, BigDecimal amount, OnlinePaymentStatus status, String codeUrl, String transactionId,
        BigDecimal refunded, String detail, Instant createdAt, String createdBy, Instant paidAt, Instant appliedAt,
        long version) {
}
