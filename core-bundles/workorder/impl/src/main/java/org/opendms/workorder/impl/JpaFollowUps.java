package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.vehicle.api.Plate;
import org.opendms.workorder.api.Decline;
import org.opendms.workorder.api.FollowUp;
import org.opendms.workorder.api.FollowUp.Outcome;
import org.opendms.workorder.api.FollowUps;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Declined jobs as follow-ups: listed while open, taken up on a later work order of the car, or dismissed. */
@Component(service = FollowUps.class)
public class JpaFollowUps implements FollowUps {

    /** A declined job with no outcome yet is open (jobs declined before follow-ups existed too). */
    static final String OPEN = "j.declinedAt IS NOT NULL AND j.followUpOutcome IS NULL";

    @Reference
    WorkOrderStore store;

    public JpaFollowUps() {
    }

    JpaFollowUps(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public Page<FollowUp> open(String plate, LocalDate from, LocalDate to, PageRequest page) {
        Objects.requireNonNull(page, "page");
        PagedSearch<JobEntity> search = PagedSearch.of(JobEntity.class, "j").where(OPEN);
        if (plate != null && plate.length() > JpaWorkOrders.SEARCH_MAX) {
            throw DmsException.invalid("plate", "too_long", "车牌搜索内容过长", "the plate searched for is too long");
        }
        String p = plate == null ? "" : Plate.normaliseFragment(plate);
        if (!p.isEmpty()) {
            search.where("EXISTS (SELECT w.id FROM WorkOrderEntity w WHERE w.id = j.workOrderId"
                    + " AND w.plate LIKE :plate ESCAPE '\\')", "plate", Stored.containsPattern(p));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DmsException.invalid("to", "before_from", "结束日期不能早于开始日期", "to must not be before from");
        }
        if (from != null) {
            search.where("j.declinedAt >= :from", "from", store.startOf(from));
        }
        if (to != null) {
            search.where("j.declinedAt < :to", "to", store.startOf(to.plusDays(1)));
        }
        return store.read(em -> {
            Page<JobEntity> found = search.page(em, "j.declinedAt, j.id", page, j -> j);
            return found.withItems(followUps(em, found.items()));
        });
    }

    @Override
    public FollowUp get(long jobId) {
        return store.read(em -> followUps(em, List.of(declined(em, jobId, false))).get(0));
    }

    @Override
    public WorkOrder takeUp(long jobId, long workOrderId, long expectedVersion, Actor actor) {
        store.permissions.require(actor, "workorder.job.add");
        Instant now = store.now();
        return store.changeWorkOrder(workOrderId, expectedVersion, now, actor, (em, e) -> {
            JobEntity old = openFollowUp(em, jobId);
            WorkOrderEntity origin = em.find(WorkOrderEntity.class, old.workOrderId);
            if (origin.vehicleId != e.vehicleId || origin.id.equals(e.id)) {
                throw DmsException.invalid("workOrderId", "followup.other_vehicle",
                        "请加到 " + origin.plate + " 之后的工单上（工单 " + e.number + " 不是）",
                        "take it up on a later work order of " + origin.plate + " (" + e.number + " is not one)");
            }
            WorkOrderRows.refuseClosed(e);
            Integer max = em.createQuery("SELECT MAX(j.seq) FROM JobEntity j WHERE j.workOrderId = :w", Integer.class)
                    .setParameter("w", e.id).getSingleResult();
            JobEntity job = JpaJobs.newJob(e, max == null ? 1 : max + 1,
                    new WorkOrderRules.Job(old.concern, old.payType),
                    e.status != WorkOrderStatus.AWAITING_DISPATCH);
            em.persist(job);
            em.flush();
            // the estimate the customer declined comes back with it, to be approved again
            for (LineEntity l : em.createQuery("SELECT l FROM LineEntity l WHERE l.jobId = :j ORDER BY l.id",
                    LineEntity.class).setParameter("j", old.id).getResultList()) {
                em.persist(copy(l, e.id, job.id));
            }
            close(old, Outcome.TAKEN_UP, now, actor, null);
            old.followUpTakenUpOnId = e.id;
        });
    }

    @Override
    public FollowUp dismiss(long jobId, String reason, Actor actor) {
        store.permissions.require(actor, "workorder.job.decline");
        String why = WorkOrderRules.note("reason", reason, WorkOrderRules.DECLINE_REASON_MAX);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明不再跟进的原因", "say why it is not followed up");
        }
        Instant now = store.now();
        return store.change(em -> {
            JobEntity job = openFollowUp(em, jobId);
            FollowUp before = followUps(em, List.of(job)).get(0);
            close(job, Outcome.DISMISSED, now, actor, why);
            em.flush();
            store.audit.record(em, actor, "follow-up", jobId, before, followUps(em, List.of(job)).get(0));
            return followUps(em, List.of(job)).get(0);
        });
    }

    private static JobEntity declined(EntityManager em, long jobId, boolean lock) {
        JobEntity job = lock ? em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(JobEntity.class, jobId);
        if (job == null || job.declinedAt == null) {
            throw DmsException.notFound("jobId", "没有客户拒绝的项目 " + jobId, "no declined job " + jobId);
        }
        return job;
    }

    private static JobEntity openFollowUp(EntityManager em, long jobId) {
        JobEntity job = declined(em, jobId, true);
        if (job.followUpOutcome != null) {
            throw DmsException.conflict("jobId", "followup.closed", "该跟进已由 " + job.followUpClosedBy + " 处理（"
                    + (job.followUpOutcome == Outcome.TAKEN_UP ? "已重新承接" : "已关闭") + "）",
                    "this follow-up was already " + job.followUpOutcome + " by " + job.followUpClosedBy);
        }
        return job;
    }

    private static void close(JobEntity job, Outcome outcome, Instant now, Actor actor, String note) {
        job.followUpOutcome = outcome;
        job.followUpClosedAt = utc(now);
        job.followUpClosedBy = actor.username();
        job.followUpNote = note;
    }

    private static LineEntity copy(LineEntity l, long workOrderId, long jobId) {
        LineEntity c = new LineEntity();
        c.workOrderId = workOrderId;
        c.jobId = jobId;
        c.type = l.type;
        c.code = l.code;
        c.description = l.description;
        c.quantity = l.quantity;
        c.unitPrice = l.unitPrice;
        c.discount = l.discount;
        c.net = l.net;
        c.stockItemId = l.stockItemId;
        return c;
    }

    static List<FollowUp> followUps(EntityManager em, List<JobEntity> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Map<Long, WorkOrderEntity> orders = em.createQuery("SELECT w FROM WorkOrderEntity w WHERE w.id IN :ids",
                WorkOrderEntity.class).setParameter("ids", jobs.stream().map(j -> j.workOrderId).distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(w -> w.id, Function.identity()));
        return jobs.stream().map(j -> {
            WorkOrderEntity w = orders.get(j.workOrderId);
            return new FollowUp(j.id, w.id, w.number, w.vehicleId, w.plate, w.customerId, j.concern,
                    new Decline(j.declineReason, Stored.instant(j.declinedAt), j.declinedBy),
                    j.followUpOutcome == null ? Outcome.OPEN : j.followUpOutcome, Stored.instant(j.followUpClosedAt),
                    j.followUpClosedBy, j.followUpNote, j.followUpTakenUpOnId);
        }).toList();
    }
}
