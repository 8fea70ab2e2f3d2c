package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What arrived of one part: the order line by id, or the part by number (a scanned label) when the order has one
 * open line of it.
 *
 * @param unitPrice   the invoiced price per unit; null means the ordered price. A different price is received at that
 *                    price and the difference recorded on the receipt line.
 * @param binId       the bin it is put in (null: the part's default bin in the warehouse, as the ledger decides)
 * @param batchNumber for parts kept by batch (fluids, chemicals)
 * @param expiryDate  the batch's expiry
 */
public record ReceiptLineDraft(Long orderLineId, String partNumber, BigDecimal quantity, BigDecimal unitPrice,
        Long binId, String batchNumber, LocalDate expiryDate) {
}
