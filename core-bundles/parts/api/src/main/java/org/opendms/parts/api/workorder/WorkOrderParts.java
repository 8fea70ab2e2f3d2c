package org.opendms.parts.api.workorder;

import java.math.BigDecimal;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parts clerk's side of a work order: its pick list, issues and returns against its part lines, and parts ordered
 * for it. The technician asks, the clerk issues: every issue and return is a ledger row at its cost, and the line keeps
 * what it was issued and the cost (the work order's {@code Line#issueCost()}), in the work order's timeline.
 */
@ProviderType
public interface WorkOrderParts {

    /**
     * The pick list: every part line of the work order's approved jobs (declined jobs left out), with what it needs,
     * has reserved, was issued and returned, and where the part lies. Costs only for roles with
     * {@code parts.cost.read}. Everyone who reads work orders and parts (the technician included).
     *
     * @throws DmsException NOT_FOUND {@code workOrderId}
     */
    PickList pickList(long workOrderId, Actor actor);

    /**
     * Issues a part line's part (领料) from its warehouse, consuming its reservation first.
     *
     * @param quantity more than 0; null issues what the line still needs
     * @param binId    the bin it is taken from; null takes from the bins holding stock
     *
     * @throws DmsException CONFLICT {@code line.not_approved} (job not approved), {@code line.declined},
     *                      {@code line.not_needed}, {@code line.fully_issued} (nothing more needed, when the quantity
     *                      is
     *                      left out), {@code status.closed} (work order completed, delivered or cancelled),
     *                      {@code part.not_in_catalogue} (a special order not yet in the catalogue),
     *                      {@code stock.insufficient}; NOT_FOUND {@code lineId}
     */
    PickList issue(long workOrderId, long lineId, BigDecimal quantity, Long binId, Actor actor);

    /**
     * Takes back a part issued to a line (退料), at the cost it was issued at.
     *
     * @param quantity more than 0, at most what the line has net
     * @param binId    the bin it goes back to; null: the warehouse's default bin
     * @param reason   optional, at most 200 characters
     *
     * @throws DmsException CONFLICT {@code return.exceeds_issued}; NOT_FOUND {@code lineId}
     */
    PickList returnPart(long workOrderId, long lineId, BigDecimal quantity, Long binId, String reason, Actor actor);

    /**
     * Orders a part for a line that stock cannot fill (a shortfall, or a special order): the order is on the pick list,
     * in the work order's timeline, and a work order IN_REPAIR waits for parts ({@code WaitReason.PARTS}). When a
     * receipt
     * of the part arrives, its stock is reserved for the line and the advisor is told (timeline and
     * {@code WorkOrderListener#partsArrived}).
     *
     * @param quantity more than 0; null orders what the line still lacks
     * @param note     optional, at most 200 characters (supplier, promised date)
     *
     * @throws DmsException CONFLICT {@code order.open} when the line already has an order waiting
     */
    PickList order(long workOrderId, long lineId, BigDecimal quantity, String note, Actor actor);
}
