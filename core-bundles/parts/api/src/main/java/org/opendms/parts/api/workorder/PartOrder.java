package org.opendms.parts.api.workorder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A part ordered for a work-order line (为工单订货).
 *
 * @param status    OPEN until a receipt of the part arrives, then ARRIVED
 * @param arrivedAt when the receipt was posted; null while open
 */
public record PartOrder(long id, long workOrderId, long lineId, String partNumber, BigDecimal quantity, String note,
        String status, String orderedBy, Instant orderedAt, Instant arrivedAt) {
}
