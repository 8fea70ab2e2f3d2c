package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
import org.opendms.workorder.api.Approval;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Decline;
import org.opendms.workorder.api.Findings;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.PartNotNeeded;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.Totals;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;

/** The API's records read from the rows, inside the caller's transaction. */
final class WorkOrderRecords {

    private WorkOrderRecords() {
    }

    static WorkOrder load(EntityManager em, WorkOrderEntity e, Instant now) {
        return loadAll(em, List.of(e), now).get(0);
    }

    /**
     * The work orders with their jobs, lines and clocked hours, in three queries whatever their number; {@code now}
     * tells which open ones are past their promised time.
     */
    static List<WorkOrder> loadAll(EntityManager em, List<WorkOrderEntity> orders, Instant now) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<Long> ids = orders.stream().map(o -> o.id).toList();
        List<JobEntity> jobs = em.createQuery("SELECT j FROM JobEntity j WHERE j.workOrderId IN :ids ORDER BY j.seq",
                JobEntity.class).setParameter("ids", ids).getResultList();
        List<LineEntity> lines = em.createQuery("SELECT l FROM LineEntity l WHERE l.workOrderId IN :ids ORDER BY l.id",
                LineEntity.class).setParameter("ids", ids).getResultList();
        List<ClockEntity> clocks = em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId IN :ids"
                + " AND c.endedAt IS NOT NULL", ClockEntity.class).setParameter("ids", ids).getResultList();
        Map<Long, Long> secondsByLine = new HashMap<>();
        for (ClockEntity c : clocks) {
            secondsByLine.merge(c.lineId, Duration.between(c.startedAt, c.endedAt).getSeconds(), Long::sum);
        }
        Map<Long, List<Line>> linesByJob = new HashMap<>();
        for (LineEntity l : lines) {
            BigDecimal actual = l.type != LineType.LABOUR ? null
                    : BigDecimal.valueOf(secondsByLine.getOrDefault(l.id, 0L)).divide(BigDecimal.valueOf(3600), 2,
                            RoundingMode.HALF_UP);
            linesByJob.computeIfAbsent(l.jobId, k -> new ArrayList<>()).add(new Line(l.id, l.jobId, l.type, l.code,
                    l.description, l.quantity, l.unitPrice, l.discount, l.net, l.stockItemId, actual, l.specialOrder,
                    l.notNeededAt == null ? null
                            : new PartNotNeeded(l.notNeededReason, Stored.instant(l.notNeededAt), l.notNeededBy),
                    l.issuedQuantity, l.issueCost));
        }
        Map<Long, WorkOrderEntity> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id, o));
        Map<Long, List<Job>> jobsByOrder = new HashMap<>();
        for (JobEntity j : jobs) {
            List<Line> ls = linesByJob.getOrDefault(j.id, List.of());
            Approval approval = j.approvedAt == null ? null
                    : new Approval(j.approvedBy, j.approvalChannel, Stored.instant(j.approvedAt), j.approvalRecordedBy);
            Totals totals = Totals.of(ls.stream().map(Line::net).toList(), byId.get(j.workOrderId).vatRate);
            Decline decline = j.declinedAt == null ? null
                    : new Decline(j.declineReason, Stored.instant(j.declinedAt), j.declinedBy);
            jobsByOrder.computeIfAbsent(j.workOrderId, k -> new ArrayList<>())
                    .add(new Job(j.id, j.seq, j.concern, j.payType, j.addOn, approval, decline, ls, totals,
                            findings(j)));
        }
        List<WorkOrder> result = new ArrayList<>();
        for (WorkOrderEntity e : orders) {
            List<Job> js = jobsByOrder.getOrDefault(e.id, List.of());
            // the work order's VAT is computed once on its whole net, see Totals
            Totals totals = Totals.of(js.stream().filter(j -> !j.declined()).flatMap(j -> j.lines().stream())
                    .map(Line::net).toList(), e.vatRate);
            Set<VisitType> types = e.visitTypes.isEmpty() ? Set.of()
                    : Arrays.stream(e.visitTypes.split(",")).map(VisitType::valueOf).collect(Collectors.toSet());
            result.add(new WorkOrder(e.id, e.number, e.vehicleId, e.plate, e.customerId, e.status, e.waitReason, types,
                    e.mileageInKm, e.fuelPercent, e.walkAround, e.advisor, Stored.instant(e.promisedAt),
                    Stored.instant(e.deliveredAt), e.vatRate, js, totals, e.reworkCount, e.finalQcPassed,
                    e.comebackOfId,
                    e.comebackOfNumber, e.comebackDecision, Stored.instant(e.openedAt), e.openedBy,
                    Stored.instant(e.updatedAt), e.updatedBy, e.version, onTime(e), late(e, now)));
        }
        return result;
    }

    /** Delivered by the promised time; null until delivered, or with no promise. */
    static Boolean onTime(WorkOrderEntity e) {
        return e.deliveredAt == null || e.promisedAt == null ? null : !e.deliveredAt.isAfter(e.promisedAt);
    }

    /** Still to be handed back, and past the promised time. */
    static boolean late(WorkOrderEntity e, Instant now) {
        return e.promisedAt != null && e.deliveredAt == null && !e.status.isFinal()
                && Stored.instant(e.promisedAt).isBefore(now);
    }

    /** Every move of the promised time, oldest first. */
    static List<PromiseChangeEntity> promiseChanges(EntityManager em, long id) {
        return em.createQuery("SELECT p FROM PromiseChangeEntity p WHERE p.workOrderId = :w ORDER BY p.id",
                PromiseChangeEntity.class).setParameter("w", id).getResultList();
    }

    /** Every status move, oldest first. */
    static List<StatusChange> history(EntityManager em, long id) {
        return em.createQuery("SELECT h FROM StatusHistoryEntity h WHERE h.workOrderId = :w ORDER BY h.id",
                StatusHistoryEntity.class).setParameter("w", id).getResultList().stream()
                .map(h -> new StatusChange(h.from, h.to, h.username, Stored.instant(h.changedAt), h.reason)).toList();
    }

    /** Every clock, oldest first. */
    static List<ClockEntry> clocks(EntityManager em, long id) {
        return em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w ORDER BY c.id", ClockEntity.class)
                .setParameter("w", id).getResultList().stream().map(WorkOrderRecords::clock).toList();
    }

    /** Every quality check, oldest first. */
    static List<QcRecord> checks(EntityManager em, long id) {
        return em.createQuery("SELECT q FROM QcEntity q WHERE q.workOrderId = :w ORDER BY q.id", QcEntity.class)
                .setParameter("w", id).getResultList().stream()
                .map(q -> new QcRecord(q.level, q.passed, q.note, q.username, Stored.instant(q.checkedAt))).toList();
    }

    /** The current assignment of each dispatched job, by job. */
    static List<Assignment> assignments(EntityManager em, long id) {
        Map<Long, List<String>> byJob = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM AssignmentEntity a WHERE a.workOrderId = :w ORDER BY a.jobId, a.position",
                AssignmentEntity.class).setParameter("w", id).getResultList()
                .forEach(a -> byJob.computeIfAbsent(a.jobId, j -> new ArrayList<>()).add(a.technician));
        List<Assignment> out = new ArrayList<>();
        byJob.forEach((jobId, techs) -> {
            JobEntity job = em.find(JobEntity.class, jobId);
            out.add(new Assignment(jobId, techs, job.bay, Stored.instant(job.assignedAt), job.assignedBy));
        });
        return out;
    }

    static Findings findings(JobEntity j) {
        return j.findingsAt == null ? null
                : new Findings(j.cause, j.correction, Stored.instant(j.findingsAt), j.findingsBy);
    }

    static ClockEntry clock(ClockEntity c) {
        return new ClockEntry(c.id, c.workOrderId, c.jobId, c.lineId, c.technician, Stored.instant(c.startedAt),
                Stored.instant(c.endedAt), c.pauseReason);
    }

    static LabourOperation operation(LabourOperationEntity op) {
        return new LabourOperation(op.code, op.name, op.flatRateHours, op.skill, op.retiredAt == null,
                Stored.instant(op.updatedAt), op.updatedBy, op.version);
    }
}
