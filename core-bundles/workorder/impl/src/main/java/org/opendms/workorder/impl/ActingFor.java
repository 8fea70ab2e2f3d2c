package org.opendms.workorder.impl;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.workorder.api.TimelineEntry;

/**
 * A technician acts only on work orders where he is assigned a job; the foreman, the manager (or the desk, for
 * findings) may act for him, and then the work order keeps who acted for whom (table wo_acted_for, shown in the
 * timeline).
 */
final class ActingFor {

    /** The roles that act for technicians instead of as one. */
    private static final Set<String> STANDING_IN = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.FOREMAN, Roles.ADVISOR);

    private static final Map<String, String[]> WHAT = Map.of("CLOCK_ON", new String[] { "开工计时", "clocked on" },
            "CLOCK_OFF", new String[] { "停工计时", "clocked off" }, "FINDINGS",
            new String[] { "登记故障原因和维修措施", "recorded the cause and correction" }, "QC_SELF",
            new String[] { "登记自检", "recorded the self check" });

    private ActingFor() {
    }

    /** A technician and nothing more: he acts only for himself, on work he is assigned. */
    static boolean technicianOnly(Actor actor) {
        return actor.roles().contains(Roles.TECHNICIAN) && actor.roles().stream().noneMatch(STANDING_IN::contains);
    }

    /** The technicians dispatched to the job. */
    static List<String> onJob(EntityManager em, long jobId) {
        return em.createQuery("SELECT a.technician FROM AssignmentEntity a WHERE a.jobId = :j ORDER BY a.position",
                String.class).setParameter("j", jobId).getResultList();
    }

    /** The technicians dispatched to any job of the work order. */
    static List<String> onWorkOrder(EntityManager em, long workOrderId) {
        return em.createQuery("SELECT DISTINCT a.technician FROM AssignmentEntity a WHERE a.workOrderId = :w"
                + " ORDER BY a.technician", String.class).setParameter("w", workOrderId).getResultList();
    }

    /**
     * A technician acting on work he is not assigned is refused (FORBIDDEN {@code job.not_assigned} naming the field);
     * anyone else acting where those assigned would is recorded as acting for them.
     *
     * @param assigned the technicians the step belongs to
     */
    static void requireAssignedOrRecord(EntityManager em, long workOrderId, Long jobId, String what, String field,
            List<String> assigned, Actor actor, LocalDateTime at) {
        boolean own = assigned.contains(actor.username());
        if (technicianOnly(actor)) {
            if (!own) {
                String where = jobId == null ? "本工单的任何项目" : "该项目";
                String whereEn = jobId == null ? "any job of this work order" : "this job";
                throw new DmsException(DmsException.Kind.FORBIDDEN, List.of(new Violation(field, "job.not_assigned",
                        "您没有被派工到" + where + "，不能" + WHAT.get(what)[0] + "；请车间主管派工或代为登记",
                        "you are not dispatched to " + whereEn + ", so you may not act on it; the foreman dispatches"
                                + " you or acts for you")));
            }
            return;
        }
        if (!own) {
            record(em, workOrderId, jobId, what, actor.username(), assigned, null, at);
        }
    }

    /** Someone acting for a technician named in the request, e.g. the foreman clocking him on. */
    static void recordIfOther(EntityManager em, long workOrderId, long jobId, String what, String technician,
            Actor actor, LocalDateTime at) {
        if (!technician.equals(actor.username())) {
            record(em, workOrderId, jobId, what, actor.username(), List.of(technician), null, at);
        }
    }

    static void record(EntityManager em, long workOrderId, Long jobId, String what, String by, List<String> forWhom,
            String reason, LocalDateTime at) {
        ActedForEntity a = new ActedForEntity();
        a.workOrderId = workOrderId;
        a.jobId = jobId;
        a.what = what;
        a.actedBy = by;
        String names = String.join(",", forWhom);
        a.actedFor = names.isEmpty() ? null : names.length() > 400 ? names.substring(0, 399) + "…" : names;
        a.reason = reason;
        a.actedAt = at;
        em.persist(a);
    }

    /** The steps with every act for someone else put in its place. */
    static List<TimelineEntry> inTimeline(EntityManager em, long workOrderId, List<TimelineEntry> steps) {
        List<ActedForEntity> rows = em
                .createQuery("SELECT a FROM ActedForEntity a WHERE a.workOrderId = :w ORDER BY a.id",
                        ActedForEntity.class)
                .setParameter("w", workOrderId).getResultList();
        if (rows.isEmpty()) {
            return steps;
        }
        List<TimelineEntry> all = new ArrayList<>(steps);
        for (ActedForEntity a : rows) {
            String who = a.actedFor == null ? "（尚未派工）" : a.actedFor.replace(",", "、");
            String whoEn = a.actedFor == null ? "(nobody dispatched yet)" : a.actedFor.replace(",", ", ");
            if ("SKILL_OVERRIDE".equals(a.what)) {
                all.add(new TimelineEntry(Stored.instant(a.actedAt), a.actedBy, "SKILL_OVERRIDE", a.jobId,
                        "派工给不具备所需工种的技师 " + who + "，说明：" + a.reason,
                        "dispatched to " + whoEn + " without the job's skill: " + a.reason));
            } else {
                String[] w = WHAT.get(a.what);
                all.add(new TimelineEntry(Stored.instant(a.actedAt), a.actedBy, "ACTED_FOR", a.jobId,
                        a.actedBy + " 代 " + who + " " + w[0], a.actedBy + " " + w[1] + " for " + whoEn));
            }
        }
        all.sort(Comparator.comparing(TimelineEntry::at));
        return all;
    }
}
