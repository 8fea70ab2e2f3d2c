package org.opendms.parts.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A part's stock in one warehouse, kept in a stock row (never summed from the ledger at read time).
 *
 * @param onHand      what lies on the shelves (在库), never below 0
 * @param reserved    promised to work-order lines, not yet issued (已预留)
 * @param available   on hand − reserved (可用), can be below 0 only when stock was adjusted under reservations
 * @param inTransit   sent to this warehouse by transfers not yet received (在途)
 * @param averageCost moving-average unit cost (4 decimals); null for roles without {@code parts.cost.read}
 * @param value       on hand × average cost (2 decimals); null like the cost
 * @param limits      minimum, maximum and reorder point; null when none set
 * @param bins        bins holding stock, by code
 */
public record WarehouseStock(long warehouseId, String warehouseCode, BigDecimal onHand, BigDecimal reserved,
        BigDecimal available, BigDecimal inTransit, BigDecimal averageCost, BigDecimal value, StockLimits limits,
        List<BinStock> bins) {

    public WarehouseStock {
        bins = List.copyOf(bins);
    }

    /** True when on hand is below the minimum set. */
    public boolean belowMinimum() {
        return limits != null && limits.minimum() != null && onHand.compareTo(limits.minimum()) < 0;
    }
}
