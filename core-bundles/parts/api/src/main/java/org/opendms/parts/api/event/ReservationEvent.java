package org.opendms.parts.api.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reservation for a work-order line was made, changed or released.
 *
 * @param quantity  what the line has reserved in the warehouse now
 * @param shortfall what it asked for and could not get (to order)
 */
public record ReservationEvent(long partId, String partNumber, long warehouseId, long workOrderId, long lineId,
        BigDecimal quantity, BigDecimal shortfall, String username, Instant at) {
}
