package org.opendms.parts.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reservations of stock for work-order part lines (预留). A line has at most one reservation per warehouse; reserving
 * again sets it to the new quantity. An issue to the line consumes its reservation first. A reservation changes
 * reserved and available, never on hand, and is not a ledger row (it is in the audit trail).
 */
@ProviderType
public interface Reservations {

    /**
     * Reserves {@code quantity} of a part in a warehouse for a line, replacing what the line had reserved there.
     *
     * @param partial false: all or nothing, CONFLICT {@code stock.insufficient} (field {@code quantity}) when less is
     *                available; true: reserves what is available and records the rest as
     *                {@link Reservation#shortfall()}
     *
     * @throws DmsException INVALID_INPUT naming {@code quantity}, {@code partId}, {@code warehouseId}
     */
    Reservation reserve(long partId, long warehouseId, BigDecimal quantity, long workOrderId, long lineId,
            boolean partial, Actor actor);

    /**
     * Releases what a line still has reserved (the job declined, the line removed or changed); nothing when it has
     * none. @return the reservations as they were before release
     */
    List<Reservation> release(long workOrderId, long lineId, String reason, Actor actor);

    /** The line's reservation in a warehouse, if any. */
    Optional<Reservation> forLine(long workOrderId, long lineId, long warehouseId);

    /** Every reservation of a work order with something still reserved or short, by line. */
    List<Reservation> forWorkOrder(long workOrderId);
}
