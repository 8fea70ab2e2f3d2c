package org.opendms.plugin.membership.api;

/**
 * A count card sold at the cashier.
 *
 * @param vehicleId the car it is for: required for a product bound to a vehicle, which must be the member's
 * @param paidWith  the core tender it was paid with: CASH, WECHAT, ALIPAY, BANK_CARD
 */
public record CardSale(Long productId, Long vehicleId, String paidWith, String reference) {
}
