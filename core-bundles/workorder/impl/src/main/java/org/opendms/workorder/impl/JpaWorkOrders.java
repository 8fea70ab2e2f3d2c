package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRecords.load;
import static org.opendms.workorder.impl.WorkOrderRecords.loadAll;
import static org.opendms.workorder.impl.WorkOrderRows.find;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerQuery;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.vehicle.api.Plate;
import org.opendms.workorder.api.OnTimeDelivery;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads of work orders: one, a search, the status history and the timeline of the visit. */
@Component(service = WorkOrders.class)
public class JpaWorkOrders implements WorkOrders {

    static final int SEARCH_MAX = 40;

    /** At most this many customers found by name or mobile narrow a search; a wider match asks for more. */
    static final int CUSTOMER_MATCHES_MAX = 200;

    @Reference
    WorkOrderStore store;

    /** A search by customer name or mobile asks the customer archive who matches. */
    @Reference
    CustomerService customers;

    public JpaWorkOrders() {
    }

    JpaWorkOrders(WorkOrderStore store, CustomerService customers) {
        this.store = store;
        this.customers = customers;
    }

    @Override
    public WorkOrder get(long id) {
        Instant now = store.now();
        return store.read(em -> load(em, find(em, id), now));
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
        Instant now = store.now();
        return store.read(em -> {
            WorkOrderEntity e = find(em, id);
            List<TimelineEntry> steps = WorkOrderTimeline.of(load(em, e, now), WorkOrderRecords.history(em, id),
                    WorkOrderRecords.clocks(em, id), WorkOrderRecords.checks(em, id),
                    WorkOrderRecords.assignments(em, id),
                    e.comebackDecidedBy, Stored.instant(e.comebackDecidedAt));
            return PartTimeline.with(ActingFor.inTimeline(em, id, PriceTimeline.with(
                    WorkOrderTimeline.withPromiseChanges(steps, WorkOrderRecords.promiseChanges(em, id)), em, id)),
                    em, id);
        });
    }

    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page) {
        return search(query, page, (Actor) null);
    }

    /** With no actor (code acting for no person), the customer is looked up unrestricted and unrecorded. */
    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page, Actor actor) {
        Objects.requireNonNull(page, "page");
        WorkOrderQuery q = query == null ? WorkOrderQuery.all() : query;
        PagedSearch<WorkOrderEntity> search = PagedSearch.of(WorkOrderEntity.class, "w");
        if (q.plate() != null && q.plate().length() > SEARCH_MAX) {
            throw DmsException.invalid("plate", "too_long", "车牌搜索内容过长", "the plate searched for is too long");
        }
        String plate = q.plate() == null ? "" : Plate.normaliseFragment(q.plate());
        if (!plate.isEmpty()) {
            if (!Plate.couldBePartOfPlate(plate)) {
                return new Page<>(List.of(), page.page(), page.size(), 0); // no plate holds this text
            }
            if (isWholePlate(plate)) {
                // the work orders of that plate by key (newest first from the index on plate and id)
                search.where("w.plate = :plate", "plate", plate);
            } else {
                // part of a plate: a trigram index answers it on PostgreSQL (migration workorder-009)
                search.where("w.plate LIKE :plate ESCAPE '\\'", "plate", Stored.containsPattern(plate));
            }
        }
        Set<WorkOrderStatus> statuses = new HashSet<>(q.statuses());
        if (q.status() != null) {
            statuses.add(q.status());
        }
        if (!statuses.isEmpty()) {
            search.where("w.status IN :statuses", "statuses", List.copyOf(statuses));
        }
        if (q.open()) {
            search.where("w.status NOT IN :closed", "closed", List.copyOf(WorkOrderRows.CLOSED));
        }
        if (q.late()) {
            // the on-time KPI's late ones: delivered after the promise, or not handed back and past it
            search.where("w.promisedAt IS NOT NULL AND ((w.deliveredAt IS NOT NULL AND w.deliveredAt > w.promisedAt)"
                    + " OR (w.deliveredAt IS NULL AND w.status <> :cancelled AND w.promisedAt < :now))")
                    .with("cancelled", WorkOrderStatus.CANCELLED).with("now", WorkOrderStore.utc(store.now()));
        }
        if (q.customer() != null && !q.customer().isBlank()) {
            search.where("w.customerId IN :customers", "customers", customerIds(q.customer(), actor));
        }
        if (q.advisor() != null && !q.advisor().isBlank()) {
            search.where("w.advisor = :advisor", "advisor", q.advisor().strip());
        }
        if (q.technician() != null && !q.technician().isBlank()) {
            // his work: a job dispatched to him (the tablet lists it before he clocks on) or labour he clocked
            search.where(
                    "(EXISTS (SELECT a.id FROM AssignmentEntity a WHERE a.workOrderId = w.id AND a.technician = :tech)"
                            + " OR EXISTS (SELECT c.id FROM ClockEntity c WHERE c.workOrderId = w.id AND c.technician = :tech))",
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
        Instant now = store.now();
        return store.read(em -> {
            Page<WorkOrderEntity> found = search.page(em, "w.id DESC", page, w -> w);
            return found.withItems(loadAll(em, found.items(), now));
        });
    }

    @Override
    public OnTimeDelivery onTimeDelivery(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DmsException.invalid("to", "before_from", "结束日期不能早于开始日期", "to must not be before from");
        }
        String delivered = "SELECT COUNT(w) FROM WorkOrderEntity w WHERE w.status = :delivered"
                + (from == null ? "" : " AND w.deliveredAt >= :from") + (to == null ? "" : " AND w.deliveredAt < :to");
        return store.read(em -> {
            java.util.function.Function<String, Long> count = extra -> {
                var query = em.createQuery(delivered + extra, Long.class).setParameter("delivered",
                        WorkOrderStatus.DELIVERED);
                if (from != null) {
                    query.setParameter("from", store.startOf(from));
                }
                if (to != null) {
                    query.setParameter("to", store.startOf(to.plusDays(1)));
                }
                return query.getSingleResult();
            };
            long all = count.apply("");
            long promised = count.apply(" AND w.promisedAt IS NOT NULL");
            long onTime = count.apply(" AND w.promisedAt IS NOT NULL AND w.deliveredAt <= w.promisedAt");
            BigDecimal rate = promised == 0 ? null
                    : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(promised), 4, RoundingMode.HALF_UP);
            return new OnTimeDelivery(from, to, all, promised, onTime, promised - onTime, rate);
        });
    }

    private static boolean isWholePlate(String normalised) {
        try {
            Plate.parse("plate", normalised);
            return true;
        } catch (DmsException notWhole) {
            return false;
        }
    }

    /** The customers whose name contains the text or whose mobile is it (whole, or its last digits). */
    private List<Long> customerIds(String text, Actor actor) {
        String t = text.strip();
        if (t.length() > SEARCH_MAX) {
            throw DmsException.invalid("customer", "too_long", "客户搜索内容过长", "the customer searched for is too long");
        }
        PageRequest first = PageRequest.of(0, CUSTOMER_MATCHES_MAX);
        Page<Customer> found = actor == null ? customers.search(CustomerQuery.text(t), first)
                : customers.search(new CustomerQuery(t, Set.of(), true, "customer"), first, actor);
        if (found.total() > CUSTOMER_MATCHES_MAX) {
            throw DmsException.invalid("customer", "too_many", "符合“" + t + "”的客户太多，请输入更完整的姓名或手机号",
                    "too many customers match '" + t + "'; give more of the name or mobile");
        }
        List<Long> ids = found.items().stream().map(Customer::id).toList();
        return ids.isEmpty() ? List.of(-1L) : ids; // nobody matches: no work order does either
    }
}
