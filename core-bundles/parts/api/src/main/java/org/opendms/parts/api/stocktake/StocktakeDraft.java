package org.opendms.parts.api.stocktake;

import java.util.List;

/** A stocktake to open: the warehouse, and the bins to count (null or empty: the whole warehouse). */
public record StocktakeDraft(Long warehouseId, List<Long> binIds, String note) {
}
