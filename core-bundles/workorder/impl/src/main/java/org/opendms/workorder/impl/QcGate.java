package org.opendms.workorder.impl;

import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * What a work order needs before quality control: labour clocked on it (or the foreman's word why none was), and the
 * configured levels checked in order (SELF before FOREMAN before FINAL), each since the last rework.
 */
final class QcGate {

    /** Starts the history reason of a move to QC without clocked labour; a QC check looks for it. */
    static final String NO_LABOUR = "no labour clocked / 未登记工时: ";

    private QcGate() {
    }

    static boolean labourClocked(EntityManager em, long workOrderId) {
        return em.createQuery("SELECT COUNT(c) FROM ClockEntity c WHERE c.workOrderId = :w", Long.class)
                .setParameter("w", workOrderId).getSingleResult() > 0;
    }

    /**
     * The history reason of a move to AWAITING_QC: null when labour was clocked (the note stays the reason), the
     * foreman's note marked as such when none was; refused when nobody clocked and no foreman (or manager) says why.
     */
    static String noLabourReason(EntityManager em, WorkOrderEntity e, String note, boolean mayRelease) {
        if (labourClocked(em, e.id)) {
            return null;
        }
        if (note == null || !mayRelease) {
            throw noLabour("note", e);
        }
        return NO_LABOUR + note;
    }

    /** A check of a work order without clocked labour that reached QC without the foreman's reason (older data). */
    static void refuseCheckWithoutLabour(EntityManager em, WorkOrderEntity e) {
        if (labourClocked(em, e.id)) {
            return;
        }
        List<StatusHistoryEntity> moves = em.createQuery("SELECT h FROM StatusHistoryEntity h WHERE h.workOrderId = :w"
                + " ORDER BY h.id DESC", StatusHistoryEntity.class).setParameter("w", e.id).getResultList();
        String reason = moves.stream().filter(h -> h.to == WorkOrderStatus.AWAITING_QC).findFirst().map(h -> h.reason)
                .orElse(null);
        if (reason == null || !reason.startsWith(NO_LABOUR)) {
            throw noLabour("status", e);
        }
    }

    private static DmsException noLabour(String field, WorkOrderEntity e) {
        return DmsException.conflict(field, "qc.no_labour_clocked",
                "工单 " + e.number + " 没有任何技师计时，不能送质检；如确实无需计时，请车间主管在备注（note）中写明原因",
                "nobody clocked labour on work order " + e.number + "; it goes to QC only when the foreman (or manager)"
                        + " says why in the note");
    }

    /**
     * A pass needs every configured level before it passed since the last rework; refused naming the first missing. A
     * failure is taken at any level: what was found needs rework whoever found it.
     */
    static void refuseOutOfOrder(QcLevel level, List<QcLevel> configured, Set<QcLevel> passed) {
        List<QcLevel> missing = configured.stream().filter(l -> l.ordinal() < level.ordinal() && !passed.contains(l))
                .sorted().toList();
        if (!missing.isEmpty()) {
            QcLevel first = missing.get(0);
            throw DmsException.conflict("level", "qc.out_of_order",
                    level.name() + " 质检前须先通过 " + first.name() + " 质检（返工后重新检查）",
                    "a " + level + " check needs a passed " + first + " check first (since the last rework)");
        }
    }
}
