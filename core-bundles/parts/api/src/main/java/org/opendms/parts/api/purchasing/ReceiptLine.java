package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/**
 * One part received.
 *
 * @param orderedPrice    the order line's price
 * @param unitPrice       the price received at (the invoice's)
 * @param priceDifference (unitPrice − orderedPrice) × quantity, yuan; 0 when they agree
 * @param ledgerEntryId   the ledger entry that put it in stock
 */
public record ReceiptLine(long id, long orderLineId, long partId, String partNumber, BigDecimal quantity,
        BigDecimal orderedPrice, BigDecimal unitPrice, BigDecimal priceDifference, Long binId, String batchNumber,
        long ledgerEntryId) {
}
