package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Reading work orders (维修工单): one by id, a search, its status history and the whole visit as a timeline. */
@ProviderType
public interface WorkOrders {

    /** @throws DmsException NOT_FOUND */
    WorkOrder get(long id);

    /** Newest first; for code that acts for no person (a customer searched for is not recorded). */
    Page<WorkOrder> search(WorkOrderQuery query, PageRequest page);

    /**
     * Newest first, for a person: a {@code customer} searched for is looked up in the customer archive as that person
     * (part of a mobile only for roles that may read mobiles; the search recorded in the personal-data access
     * record).
     */
    Page<WorkOrder> search(WorkOrderQuery query, PageRequest page, Actor actor);

    /**
     * The on-time delivery KPI over the work orders delivered from one shop-local day to another (either may be null).
     *
     * @throws DmsException INVALID_INPUT {@code to} {@code before_from}
     */
    OnTimeDelivery onTimeDelivery(java.time.LocalDate from, java.time.LocalDate to);

    /**
     * Every status move, oldest first, the opening included.
     *
     * @throws DmsException NOT_FOUND
     */
    List<StatusChange> history(long id);

    /**
     * Every step of the visit with who and when, oldest first: the opening, status moves, the customer's approvals
     * and refusals, dispatch, each technician's clock on and off, QC checks and the comeback decision. An approval or
     * dispatch that was replaced shows as it stands now. Read as one consistent view.
     *
     * @throws DmsException NOT_FOUND
     */
    List<TimelineEntry> timeline(long id);
}
