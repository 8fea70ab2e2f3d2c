package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stock that has not moved (呆滞库存): on hand, and no ledger movement of the part in the warehouse for the period.
 *
 * @param lastMovement the day of the last movement, or null when it never moved since it was received
 * @param value        onHand × moving-average cost, yuan (null for a role that may not see costs)
 */
public record DeadStock(long warehouseId, long partId, String partNumber, String partName, BigDecimal onHand,
        LocalDate lastMovement, BigDecimal value) {
}
