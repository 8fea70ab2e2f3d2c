package org.opendms.parts.api.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stocktake (盘点单) of a warehouse, or of some of its bins.
 *
 * @param number        e.g. ST20261202-0001
 * @param binIds        the bins counted; empty for the whole warehouse
 * @param frozenAt      when the book quantities were taken
 * @param uncounted     lines not counted yet
 * @param varianceValue the sum of the lines' variance values, yuan (null for a role that may not see costs)
 * @param approvedBy    the manager who approved, null before
 */
public record Stocktake(long id, String number, long warehouseId, List<Long> binIds, StocktakeStatus status,
        Instant frozenAt, String note, List<StocktakeLine> lines, int uncounted, BigDecimal varianceValue,
        String approvedBy, Instant approvedAt, String reason, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy, long version) {

    public Stocktake {
        binIds = List.copyOf(binIds);
        lines = List.copyOf(lines);
    }
}
