package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A delivery received against a purchase order, posted into the ledger with it.
 *
 * @param number          e.g. GR20261202-0001
 * @param amount          the received value at the received prices, yuan
 * @param priceDifference the sum of the lines' price differences, yuan
 */
public record Receipt(long id, String number, long purchaseOrderId, String deliveryNote, String note,
        List<ReceiptLine> lines, BigDecimal amount, BigDecimal priceDifference, Instant receivedAt,
        String receivedBy) {

    public Receipt {
        lines = List.copyOf(lines);
    }
}
