package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRecords.load;
import static org.opendms.workorder.impl.WorkOrderRecords.loadAll;
import static org.opendms.workorder.impl.WorkOrderRows.find;

import java.util.List;
import java.util.Objects;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.vehicle.api.Plate;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads of work orders: one, a search, the status history and the timeline of the visit. */
@Component(service = WorkOrders.class)
public class JpaWorkOrders implements WorkOrders {

    static final int SEARCH_MAX = 40;

    @Reference
    WorkOrderStore store;

    public JpaWorkOrders() {
    }

    JpaWorkOrders(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public WorkOrder get(long id) {
        return store.read(em -> load(em, find(em, id)));
    }

    @Override
    public List<StatusChange> history(long id) {
        return store.read(em -> {
            find(em, id);
            return WorkOrderRecords.history(em, id);
        });
    }

    /** Read in one transaction: every step shown is of the same moment, whatever changes meanwhile. */
    @Override
    public List<TimelineEntry> timeline(long id) {
        return store.read(em -> {
            WorkOrderEntity e = find(em, id);
            return WorkOrderTimeline.of(load(em, e), WorkOrderRecords.history(em, id), WorkOrderRecords.clocks(em, id),
                    WorkOrderRecords.checks(em, id), WorkOrderRecords.assignments(em, id), e.comebackDecidedBy,
                    Stored.instant(e.comebackDecidedAt));
        });
    }

    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        WorkOrderQuery q = query == null ? WorkOrderQuery.all() : query;
        PagedSearch<WorkOrderEntity> search = PagedSearch.of(WorkOrderEntity.class, "w");
        if (q.plate() != null && q.plate().length() > SEARCH_MAX) {
            throw DmsException.invalid("plate", "too_long", "车牌搜索内容过长", "the plate searched for is too long");
        }
        String plate = q.plate() == null ? "" : Plate.normaliseFragment(q.plate());
        if (!plate.isEmpty()) {
            search.where("w.plate LIKE :plate ESCAPE '\\'", "plate", Stored.containsPattern(plate));
        }
        if (q.status() != null) {
            search.where("w.status = :status", "status", q.status());
        }
        if (q.advisor() != null && !q.advisor().isBlank()) {
            search.where("w.advisor = :advisor", "advisor", q.advisor().strip());
        }
        if (q.technician() != null && !q.technician().isBlank()) {
            search.where("EXISTS (SELECT c.id FROM ClockEntity c WHERE c.workOrderId = w.id AND c.technician = :tech)",
                    "tech", q.technician().strip());
        }
        if (q.from() != null) {
            search.where("w.openedAt >= :from", "from", store.startOf(q.from()));
        }
        if (q.to() != null) {
            search.where("w.openedAt < :to", "to", store.startOf(q.to().plusDays(1)));
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw DmsException.invalid("to", "before_from", "结束日期不能早于开始日期", "to must not be before from");
        }
        return store.read(em -> {
            Page<WorkOrderEntity> found = search.page(em, "w.id DESC", page, w -> w);
            return new Page<>(loadAll(em, found.items()), found.page(), found.size(), found.total());
        });
    }
}
