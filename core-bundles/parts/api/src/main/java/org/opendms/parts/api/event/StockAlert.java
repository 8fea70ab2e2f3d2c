package org.opendms.parts.api.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A part's stock in a warehouse crossed a limit by a committed change.
 *
 * @param minimum      the minimum set for it
 * @param reorderPoint the reorder point set for it, or null
 */
public record StockAlert(long partId, String partNumber, long warehouseId, BigDecimal onHand, BigDecimal available,
        BigDecimal minimum, BigDecimal reorderPoint, Instant at) {
}
