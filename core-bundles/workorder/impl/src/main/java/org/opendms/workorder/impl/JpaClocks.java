package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.find;
import static org.opendms.workorder.impl.WorkOrderRows.liveJob;
import static org.opendms.workorder.impl.WorkOrderRows.lockAnyVersion;
import static org.opendms.workorder.impl.WorkOrderRows.stop;
import static org.opendms.workorder.impl.WorkOrderRows.touch;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Clocks;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.WorkOrderStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Technicians' clocks. A clock does not take the work order's version (two technicians clock on one work order at
 * once) but still locks its row and moves its version on.
 */
@Component(service = Clocks.class)
public class JpaClocks implements Clocks {

    @Reference
    WorkOrderStore store;

    /** A job assigned on the spot goes only to a known, active technician. */
    @Reference
    StaffDirectory staff;

    /**
     * Clocking a technician on reads (is a clock of theirs running?), then writes: two terminals clocking the same
     * technician on at once would both pass the read. They queue on one of these (a single Karaf serves a shop); the
     * unique constraint on the running technician still guards against anything else writing, and Derby answers a
     * concurrent insert of the same key with a lock timeout rather than waiting.
     */
    private final Object[] technicianLocks = new Object[64];

    public JpaClocks() {
        for (int i = 0; i < technicianLocks.length; i++) {
            technicianLocks[i] = new Object();
        }
    }

    JpaClocks(WorkOrderStore store, StaffDirectory staff) {
        this();
        this.store = store;
        this.staff = staff;
    }

    @Override
    public ClockEntry clockOn(long id, long jobId, long labourLineId, String technician, Actor actor) {
        String tech = clocking(technician, actor);
        // a clock is for an active technician of the staff directory (never a cashier, nor someone who left)
        Technicians.requireActive(staff, "technician", tech);
        Instant now = store.now();
        ClockEntry on;
        synchronized (technicianLocks[Math.floorMod(tech.hashCode(), technicianLocks.length)]) {
            on = clockOn(id, jobId, labourLineId, tech, now, actor);
        }
        store.changed(id, actor, now);
        return on;
    }

    private ClockEntry clockOn(long id, long jobId, long labourLineId, String tech, Instant now, Actor actor) {
        return store.change(em -> {
            WorkOrderEntity e = lockAnyVersion(em, id);
            if (e.status != WorkOrderStatus.IN_REPAIR) {
                throw DmsException.conflict("status", "clock.status", "工单“" + e.status.zh() + "”，只有维修中的工单可以开工计时",
                        "the work order is " + e.status + "; technicians clock on only while it is IN_REPAIR");
            }
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, labourLineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("labourLineId", "项目 " + job.seq + " 中没有明细 " + labourLineId,
                        "job " + job.seq + " has no line " + labourLineId);
            }
            if (line.type != LineType.LABOUR) {
                throw DmsException.invalid("labourLineId", "not_labour", "只能在工时明细上计时",
                        "technicians clock on labour lines only");
            }
            if (job.approvedAt == null) {
                throw DmsException.conflict("jobId", "job.unapproved",
                        "项目 " + job.seq + "（" + job.concern + "）尚未经客户确认，不能开工",
                        "job " + job.seq + " (" + job.concern
                                + ") is not approved by the customer yet; no clocking on it");
            }
            List<ClockEntity> mine = em.createQuery("SELECT c FROM ClockEntity c WHERE c.runningTechnician = :t",
                    ClockEntity.class).setParameter("t", tech).getResultList();
            if (!mine.isEmpty()) {
                throw runningElsewhere(em, tech, mine.get(0));
            }
            dispatchedOrOnTheSpot(em, e, job, tech, now, actor, staff);
            ActingFor.recordIfOther(em, e.id, job.id, "CLOCK_ON", tech, actor, utc(now));
            ClockEntity c = new ClockEntity();
            c.workOrderId = e.id;
            c.jobId = job.id;
            c.lineId = line.id;
            c.technician = tech;
            c.runningTechnician = tech;
            c.startedAt = utc(now);
            em.persist(c);
            touch(e, utc(now), actor);
            em.flush();
            return WorkOrderRecords.clock(c);
        });
    }

    @Override
    public ClockEntry clockOff(long id, String technician, String pauseReason, Actor actor) {
        String tech = clocking(technician, actor);
        String reason = WorkOrderRules.note("pauseReason", pauseReason, WorkOrderRules.PAUSE_REASON_MAX);
        Instant now = store.now();
        ClockEntry off = store.change(em -> {
            WorkOrderEntity e = lockAnyVersion(em, id);
            List<ClockEntity> mine = em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w"
                    + " AND c.runningTechnician = :t", ClockEntity.class).setParameter("w", id).setParameter("t", tech)
                    .getResultList();
            if (mine.isEmpty()) {
                throw DmsException.conflict("technician", "clock.not_running",
                        "技师 " + tech + " 没有在工单 " + e.number + " 上计时",
                        "technician " + tech + " is not clocked on work order " + e.number);
            }
            ClockEntity c = mine.get(0);
            LocalDateTime at = utc(now);
            stop(c, at, reason);
            ActingFor.recordIfOther(em, e.id, c.jobId, "CLOCK_OFF", tech, actor, at);
            touch(e, at, actor);
            em.flush();
            return WorkOrderRecords.clock(c);
        });
        store.changed(id, actor, now);
        return off;
    }

    @Override
    public List<ClockEntry> clocks(long id) {
        return store.read(em -> {
            find(em, id);
            return WorkOrderRecords.clocks(em, id);
        });
    }

    /**
     * A technician works the jobs dispatched to him or her. The foreman (or manager) clocking a technician on a job not
     * dispatched to them assigns it on the spot: the technician joins the job's dispatch in the same transaction.
     */
    private void dispatchedOrOnTheSpot(EntityManager em, WorkOrderEntity e, JobEntity job, String tech, Instant now,
            Actor actor, StaffDirectory staff) {
        List<String> dispatched = em.createQuery("SELECT a.technician FROM AssignmentEntity a WHERE a.jobId = :j"
                + " ORDER BY a.position", String.class).setParameter("j", job.id).getResultList();
        if (dispatched.contains(tech)) {
            return;
        }
        if (!store.permissions.allows(actor, "workorder.dispatch")) {
            String to = dispatched.isEmpty() ? "尚未派工" : "派给了 " + String.join("、", dispatched);
            String toEn = dispatched.isEmpty() ? "is not dispatched yet"
                    : "is dispatched to " + String.join(", ", dispatched);
            throw DmsException.conflict("technician", "clock.not_dispatched",
                    "项目 " + job.seq + "（" + job.concern + "）" + to + "，技师 " + tech + " 不能在其上计时；请车间主管派工",
                    "job " + job.seq + " (" + job.concern + ") " + toEn + "; technician " + tech
                            + " cannot clock on it until the foreman dispatches it");
        }
        Technicians.requireActive(staff, "technician", tech);
        AssignmentEntity a = new AssignmentEntity();
        a.workOrderId = e.id;
        a.jobId = job.id;
        a.position = dispatched.size();
        a.technician = tech;
        em.persist(a);
        job.assignedAt = utc(now);
        job.assignedBy = actor.username();
    }

    /** Who may clock whom: a technician only himself or herself, the foreman, a manager or admin anyone. */
    private String clocking(String technician, Actor actor) {
        store.permissions.require(actor, "workorder.clock");
        String tech = WorkOrderRules.technician(technician);
        if (!store.permissions.allows(actor, "workorder.clock.others") && !tech.equals(actor.username())) {
            throw DmsException.forbidden("技师只能为自己计时", "a technician clocks on and off only for himself or herself");
        }
        return tech;
    }

    private static DmsException runningElsewhere(EntityManager em, String tech, ClockEntity running) {
        WorkOrderEntity where = running == null ? null : em.find(WorkOrderEntity.class, running.workOrderId);
        String number = where == null ? "" : "（工单 " + where.number + "）";
        String numberEn = where == null ? "" : " (work order " + where.number + ")";
        return DmsException.conflict("technician", "clock.running", "技师 " + tech + " 正在另一项目上计时" + number + "，请先停止",
                "technician " + tech + " is already clocked on" + numberEn + "; clock off first");
    }
}
