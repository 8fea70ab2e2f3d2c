package org.opendms.workorder.impl;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * The work order's rows inside a transaction: found or locked at the version the user read, its jobs, the stamp of who
 * changed it last, and a status move with its history. Every change locks the work order's row, compares its version
 * with the one the user read and adds one to it, so two desks changing one work order queue and the second is told
 * its copy is stale.
 */
final class WorkOrderRows {

    static final Set<WorkOrderStatus> CLOSED = EnumSet.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.DELIVERED,
            WorkOrderStatus.CANCELLED);

    private WorkOrderRows() {
    }

    /** The work order's row, locked, at the version the user read. */
    static WorkOrderEntity lock(EntityManager em, long id, long expectedVersion) {
        WorkOrderEntity e = lockAnyVersion(em, id);
        StaleVersion.check(e.version, expectedVersion, "工单 " + e.number + " ", "work order " + e.number);
        return e;
    }

    static WorkOrderEntity lockAnyVersion(EntityManager em, long id) {
        WorkOrderEntity e = em.find(WorkOrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    static WorkOrderEntity find(EntityManager em, long id) {
        WorkOrderEntity e = em.find(WorkOrderEntity.class, id);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    static DmsException notFound(long id) {
        return DmsException.notFound("id", "工单 " + id + " 不存在", "work order " + id + " does not exist");
    }

    static JobEntity job(EntityManager em, WorkOrderEntity e, long jobId) {
        JobEntity job = em.find(JobEntity.class, jobId);
        if (job == null || job.workOrderId != e.id) {
            throw DmsException.notFound("jobId", "工单 " + e.number + " 中没有项目 " + jobId,
                    "work order " + e.number + " has no job " + jobId);
        }
        return job;
    }

    /** A job that may still change: not declined by the customer. */
    static JobEntity liveJob(EntityManager em, WorkOrderEntity e, long jobId) {
        JobEntity job = job(em, e, jobId);
        if (job.declinedAt != null) {
            throw DmsException.conflict("jobId", "job.declined",
                    "项目 " + job.seq + "（" + job.concern + "）客户已拒绝（" + job.declineReason + "），不能再改动",
                    "the customer declined job " + job.seq + " (" + job.declineReason + "): it no longer changes");
        }
        return job;
    }

    static void refuseClosed(WorkOrderEntity e) {
        if (CLOSED.contains(e.status)) {
            throw DmsException.conflict("status", "status.closed", "工单“" + e.status.zh() + "”，不能再修改项目",
                    "the work order is " + e.status + "; its jobs can no longer change");
        }
    }

    /** A changed work order: one version on, stamped with who and when. */
    static void touch(WorkOrderEntity e, LocalDateTime at, Actor actor) {
        e.version++;
        e.updatedAt = at;
        e.updatedBy = actor.username();
    }

    /** Moves the status and records the move; back in repair, every QC level is checked again. */
    static void move(EntityManager em, WorkOrderEntity e, WorkOrderStatus to, LocalDateTime at, Actor actor,
            String reason) {
        history(em, e, e.status, to, at, actor, reason);
        e.status = to;
        e.waitReason = null;
        if (to == WorkOrderStatus.IN_REPAIR) {
            e.finalQcPassed = false; // repaired again: checked again
            e.qcPassed = null;
        }
    }

    static void history(EntityManager em, WorkOrderEntity e, WorkOrderStatus from, WorkOrderStatus to,
            LocalDateTime at, Actor actor, String reason) {
        StatusHistoryEntity h = new StatusHistoryEntity();
        h.workOrderId = e.id;
        h.from = from;
        h.to = to;
        h.username = actor.username();
        h.changedAt = at;
        h.reason = reason == null || reason.length() <= 600 ? reason : reason.substring(0, 600);
        em.persist(h);
    }

    static Set<QcLevel> passedLevels(WorkOrderEntity e) {
        Set<QcLevel> passed = EnumSet.noneOf(QcLevel.class);
        if (e.qcPassed != null && !e.qcPassed.isBlank()) {
            Arrays.stream(e.qcPassed.split(",")).map(QcLevel::valueOf).forEach(passed::add);
        }
        return passed;
    }

    /** The clocks running on the work order. */
    static List<ClockEntity> running(EntityManager em, long id) {
        return em
                .createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w AND c.runningTechnician IS NOT NULL",
                        ClockEntity.class)
                .setParameter("w", id).getResultList();
    }

    static void stop(ClockEntity c, LocalDateTime at, String reason) {
        c.endedAt = at;
        c.runningTechnician = null;
        c.pauseReason = reason;
    }
}
