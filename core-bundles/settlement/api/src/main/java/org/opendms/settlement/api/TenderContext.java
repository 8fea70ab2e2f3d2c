package org.opendms.settlement.api;

import java.math.BigDecimal;

import org.opendms.platform.api.Actor;

/**
 * What a {@link TenderProvider} is told about the payment it takes part in.
 *
 * @param settlementId     the document paid (or, for a refund, the document reversed)
 * @param settlementNumber its number, for the plugin's own records
 * @param workOrderId      the work order
 * @param customerId       the work order's customer, whose stored value, points or coupons are used
 * @param payer            the document's payer
 * @param payable          the document's payable amount
 * @param actor            the cashier
 */
public record TenderContext(long settlementId, String settlementNumber, long workOrderId, long customerId, Payer payer,
        BigDecimal payable, Actor actor) {
}
