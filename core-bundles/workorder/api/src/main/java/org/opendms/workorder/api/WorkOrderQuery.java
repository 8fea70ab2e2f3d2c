package org.opendms.workorder.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search over work orders; every part given must match.
 *
 * @param plate      the plate, whole or in part, any spelling
 * @param status     one status
 * @param advisor    the advisor's username, exactly
 * @param technician work orders with a job dispatched to this technician or labour he clocked
 * @param from       opened on or after this shop-local day
 * @param to         opened on or before this shop-local day
 * @param statuses   any of these statuses (with {@code status}, either matches); empty for any
 * @param open       true: only work orders still in the workshop (not completed, delivered or cancelled)
 * @param late       true: past their promised time, open or delivered after it (the on-time KPI's late ones)
 * @param customer   the customer's name (contains) or mobile (whole, or its last four digits or more)
 */
public record WorkOrderQuery(String plate, WorkOrderStatus status, String advisor, String technician, LocalDate from,
        LocalDate to, Set<WorkOrderStatus> statuses, boolean open, boolean late, String customer) {

    public WorkOrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** The search as it was in 2.0. */
    public WorkOrderQuery(String plate, WorkOrderStatus status, String advisor, String technician, LocalDate from,
            LocalDate to) {
        this(plate, status, advisor, technician, from, to, Set.of(), false, false, null);
    }

    public static WorkOrderQuery all() {
        return new WorkOrderQuery(null, null, null, null, null, null);
    }
}
