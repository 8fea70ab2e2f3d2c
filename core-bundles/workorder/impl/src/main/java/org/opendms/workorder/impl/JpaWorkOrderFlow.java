package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.move;
import static org.opendms.workorder.impl.WorkOrderRows.passedLevels;
import static org.opendms.workorder.impl.WorkOrderRows.running;
import static org.opendms.workorder.impl.WorkOrderRows.stop;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The status moves of a work order, each kept in its history. */
@Component(service = WorkOrderFlow.class)
public class JpaWorkOrderFlow implements WorkOrderFlow {

    @Reference
    WorkOrderStore store;

    public JpaWorkOrderFlow() {
    }

    JpaWorkOrderFlow(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public WorkOrder changeStatus(long id, long expectedVersion, WorkOrderStatus target, WaitReason waitReason,
            String note, Actor actor) {
        boolean workshopMove = target == WorkOrderStatus.IN_REPAIR || target == WorkOrderStatus.WAITING
                || target == WorkOrderStatus.AWAITING_QC;
        Actor.requireAnyRole(actor, workshopMove ? Permissions.WORKSHOP_MOVERS : Permissions.EDITORS, "变更工单状态",
                "change the status of work orders");
        if (target == null) {
            throw DmsException.invalid("status", "required", "请选择目标状态", "the target status is required");
        }
        if (target == WorkOrderStatus.WAITING && waitReason == null) {
            throw DmsException.invalid("waitReason", "required", "请选择等待原因（配件、客户确认或外协）",
                    "choose why the work order waits (PARTS, APPROVAL or SUBLET)");
        }
        if (target != WorkOrderStatus.WAITING && waitReason != null) {
            throw DmsException.invalid("waitReason", "not_waiting", "只有“等待中”需要等待原因",
                    "a wait reason is only given for WAITING");
        }
        String cleanNote = WorkOrderRules.note("note", note, WorkOrderRules.NOTE_MAX);
        Instant now = store.now();
        WorkOrderStatus[] from = new WorkOrderStatus[1];
        List<QcLevel> qc = store.qcLevels;
        WorkOrder after = store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            from[0] = e.status;
            if (!WorkOrderRules.allowed(e.status, target)) {
                throw WorkOrderRules.illegalTransition(e.status, target);
            }
            if (target == WorkOrderStatus.COMPLETED && !e.finalQcPassed) {
                throw DmsException.conflict("status", "qc.final_missing", "终检通过后才能完工",
                        "a work order is completed only after its FINAL QC passed");
            }
            if (target == WorkOrderStatus.COMPLETED) {
                Set<QcLevel> passed = passedLevels(e);
                List<QcLevel> missing = qc.stream().filter(l -> !passed.contains(l)).toList();
                if (!missing.isEmpty()) {
                    throw DmsException.conflict("status", "qc.level_missing",
                            "还需通过质检：" + missing.stream().map(QcLevel::name).collect(Collectors.joining("、")),
                            "a work order is completed only after every QC level passed; missing: " + missing);
                }
            }
            List<ClockEntity> running = running(em, id);
            if (!running.isEmpty() && (target == WorkOrderStatus.AWAITING_QC || target == WorkOrderStatus.WAITING)) {
                String who = running.stream().map(c -> c.technician).distinct().collect(Collectors.joining("、"));
                throw DmsException.conflict("status", "clock.running", "技师 " + who + " 仍在计时，请先停止计时",
                        "technician " + who + " is still clocked on; clock off first");
            }
            String noLabour = target == WorkOrderStatus.AWAITING_QC ? QcGate.noLabourReason(em, e, cleanNote, actor) : null;
            LocalDateTime at = utc(now);
            if (target == WorkOrderStatus.CANCELLED) {
                for (ClockEntity c : running) {
                    stop(c, at, "cancelled");
                }
            }
            String reason = waitReason == null ? cleanNote : waitReason.name() + (cleanNote == null ? "" : ": " + cleanNote);
            reason = noLabour != null ? noLabour : reason;
            move(em, e, target, at, actor, reason);
            e.waitReason = waitReason;
            if (target == WorkOrderStatus.DELIVERED) {
                e.deliveredAt = at;
            }
        });
        store.tell(WorkOrderListener::statusChanged, after, from[0], null, actor, now);
        if (target == WorkOrderStatus.COMPLETED) {
            store.tell(WorkOrderListener::completed, after, from[0], null, actor, now);
        } else if (target == WorkOrderStatus.DELIVERED) {
            store.tell(WorkOrderListener::delivered, after, from[0], null, actor, now);
        }
        return after;
    }
}
