package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stock level to act on.
 *
 * @param kind        what is wrong
 * @param quantity    on hand (for a batch: the batch's quantity)
 * @param limit       the minimum or maximum crossed; null for an expiring batch
 * @param batchNumber an expiring batch; otherwise null
 * @param expiryDate  the batch's expiry; otherwise null
 * @param value       quantity × moving-average cost, yuan (null for a role that may not see costs)
 */
public record StockLevelAlert(Kind kind, long warehouseId, long partId, String partNumber, String partName,
        BigDecimal quantity, BigDecimal limit, String batchNumber, LocalDate expiryDate, BigDecimal value) {

    public enum Kind {
        /** 低于最低库存 */
        BELOW_MINIMUM,
        /** 高于最高库存 */
        ABOVE_MAXIMUM,
        /** 批次即将过期 (or expired) */
        EXPIRING
    }
}
