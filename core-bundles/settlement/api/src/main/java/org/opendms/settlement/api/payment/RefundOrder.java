package org.opendms.settlement.api.payment;

/**
 * A refund the platform asks a provider for.
 *
 * @param outTradeNo  the payment's number
 * @param outRefundNo the platform's number of this refund, unique per shop
 * @param refundFen   what to give back, in fen
 * @param totalFen    what the payment took, in fen
 * @param reason      why, shown to the customer
 */
public record RefundOrder(String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason) {
}
