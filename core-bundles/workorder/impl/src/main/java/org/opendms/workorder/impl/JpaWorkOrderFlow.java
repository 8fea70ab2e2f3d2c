package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.move;
import static org.opendms.workorder.impl.WorkOrderRows.passedLevels;
import static org.opendms.workorder.impl.WorkOrderRows.running;
import static org.opendms.workorder.impl.WorkOrderRows.stop;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.CompletionRule;
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
        if (target == null) {
            throw DmsException.invalid("status", "required", "请选择目标状态", "the target status is required");
        }
        // the foreman moves a work order through the workshop; completing, delivering and cancelling stay at the desk
        boolean workshopMove = target == WorkOrderStatus.IN_REPAIR || target == WorkOrderStatus.WAITING
                || target == WorkOrderStatus.AWAITING_QC;
        store.permissions.require(actor, workshopMove ? "workorder.status.workshop" : "workorder.status.close");
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
        List<CompletionRule> rules = store.completionRules;
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
            if (target == WorkOrderStatus.COMPLETED) {
                PartCheck.refuseCompletion(rules, WorkOrderRecords.load(em, e, now));
            }
            List<ClockEntity> running = running(em, id);
            if (!running.isEmpty() && (target == WorkOrderStatus.AWAITING_QC || target == WorkOrderStatus.WAITING)) {
                String who = running.stream().map(c -> c.technician).distinct().collect(Collectors.joining("、"));
                throw DmsException.conflict("status", "clock.running", "技师 " + who + " 仍在计时，请先停止计时",
                        "technician " + who + " is still clocked on; clock off first");
            }
            String noLabour = target == WorkOrderStatus.AWAITING_QC ? QcGate.noLabourReason(em, e, cleanNote,
                    store.permissions.allows(actor, "workorder.qc.release-unclocked")) : null;
            LocalDateTime at = utc(now);
            PriceGate.onMove(em, e, target, actor, at);
            if (target == WorkOrderStatus.CANCELLED) {
                for (ClockEntity c : running) {
                    stop(c, at, "cancelled");
                }
            }
            String reason = waitReason == null ? cleanNote
                    : waitReason.name() + (cleanNote == null ? "" : ": " + cleanNote);
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

    @Override
    public WorkOrder changePromisedAt(long id, long expectedVersion, Instant promisedAt, String reason, Actor actor) {
        store.permissions.require(actor, "workorder.open");
        Instant now = store.now();
        if (promisedAt == null) {
            throw DmsException.invalid("promisedAt", "required", "请填写新的约定交车时间", "the new promised time is required");
        }
        Instant to = promisedAt.truncatedTo(ChronoUnit.MICROS);
        if (to.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            throw DmsException.invalid("promisedAt", "in_past", "约定交车时间不能早于现在", "promisedAt must not be in the past");
        }
        String why = WorkOrderRules.note("reason", reason, WorkOrderRules.DECLINE_REASON_MAX);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明更改约定交车时间的原因", "say why the promised time moves");
        }
        return store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            if (e.status.isFinal()) {
                throw DmsException.conflict("status", "status.final", "工单“" + e.status.zh() + "”，不能再改约定交车时间",
                        "the work order is " + e.status + "; its promised time no longer moves");
            }
            PromiseChangeEntity p = new PromiseChangeEntity();
            p.workOrderId = e.id;
            p.oldPromisedAt = e.promisedAt;
            p.newPromisedAt = utc(to);
            p.reason = why;
            p.changedBy = actor.username();
            p.changedAt = utc(now);
            em.persist(p);
            e.promisedAt = p.newPromisedAt;
        });
    }
}
