package org.opendms.settlement.api.payment;

/**
 * A refund as the provider reports it.
 *
 * @param outRefundNo the platform's number the provider echoes
 * @param refundId    the provider's refund number
 * @param succeeded   true when the money is on its way back; false when the provider is still processing it
 * @param detail      the provider's own words
 */
public record ProviderRefund(String outRefundNo, String refundId, boolean succeeded, String detail) {
}
