package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Stock promised to a work-order part line (预留), in one warehouse.
 *
 * @param quantity  still reserved: what was reserved less what was issued to the line since, and less what was
 *                  released; 0 once fully issued or released
 * @param shortfall what was asked for but not available when reserved (to order)
 */
public record Reservation(long id, long partId, long warehouseId, long workOrderId, long lineId, BigDecimal quantity,
        BigDecimal shortfall, String username, Instant at) {
}
