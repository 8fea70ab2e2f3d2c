package org.opendms.workorder.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something committed happened to a work order (维修工单). The event names the work order and where it stands; a plugin
 * that needs the whole work order (jobs, lines, totals) reads it through the work-order API by {@code workOrderId}.
 * Status names are those of {@code org.opendms.workorder.api.WorkOrderStatus} (AWAITING_DISPATCH, IN_REPAIR, WAITING,
 * AWAITING_QC, COMPLETED, DELIVERED, CANCELLED); kept as text so that this package does not tie a plugin that only
 * listens to the work-order bundles.
 *
 * @param workOrderId the work order's id
 * @param number      e.g. WO20261122-0001
 * @param vehicleId   the vehicle in the vehicle archive
 * @param plate       the plate at opening, normalised
 * @param customerId  the vehicle's owner at opening
 * @param status      the status after the event
 * @param from        statusChanged, completed, delivered: the status before; otherwise null
 * @param jobId       jobApproved: the job approved; otherwise null
 * @param username    who did it
 * @param at          when it was committed
 */
public record WorkOrderEvent(long workOrderId, String number, long vehicleId, String plate, long customerId,
        String status, String from, Long jobId, String username, Instant at) {
    public WorkOrderEvent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
