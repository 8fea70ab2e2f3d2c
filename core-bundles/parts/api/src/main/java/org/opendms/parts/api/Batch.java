package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A batch (批次) of a batch-tracked part in a bin, issued first expiry first (FEFO); an expired batch is never issued.
 *
 * @param batchNumber as printed on the drum or box (at most 40 characters)
 * @param expiresOn   the last day it may be used; null for a batch without expiry
 */
public record Batch(long partId, long warehouseId, long binId, String batchNumber, LocalDate expiresOn,
        BigDecimal onHand) {
}
