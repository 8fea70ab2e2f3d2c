package org.opendms.workorder.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Something committed happened to a work order.
 *
 * @param workOrder the work order as committed
 * @param from      statusChanged: the status before; otherwise null
 * @param jobId     jobApproved: the job; otherwise null
 * @param username  who did it
 * @param at        when
 */
public record WorkOrderEvent(WorkOrder workOrder, WorkOrderStatus from, Long jobId, String username, Instant at) {
    public WorkOrderEvent {
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(at, "at");
    }
}
