package org.opendms.parts.api.stocktake;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A part in a bin on the count sheet.
 *
 * @param batchNumber     the batch, for a batch-tracked part; otherwise null
 * @param frozen          the book quantity at the freeze
 * @param counted         the quantity counted, null until counted
 * @param bookAtCount     the book quantity when the count was entered (the freeze plus movements since), null until
 *                        counted
 * @param variance        counted − bookAtCount, null until counted
 * @param unitCost        the moving-average cost at the count (null for a role that may not see costs)
 * @param varianceValue   variance × unitCost, yuan (null likewise)
 * @param movedSinceCount the part moved in the bin after it was counted (a recount may be wise)
 */
public record StocktakeLine(long id, long partId, String partNumber, String partName, Long binId, String binCode,
        String batchNumber, BigDecimal frozen, BigDecimal counted, BigDecimal bookAtCount, BigDecimal variance,
        BigDecimal unitCost,
        BigDecimal varianceValue, boolean movedSinceCount, String countedBy, Instant countedAt) {
}
