package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.find;
import static org.opendms.workorder.impl.WorkOrderRows.move;
import static org.opendms.workorder.impl.WorkOrderRows.passedLevels;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.QualityControl;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Quality checks of the repair (a failure is rework) and the advisor's comeback decision. */
@Component(service = QualityControl.class)
public class JpaQualityControl implements QualityControl {

    @Reference
    WorkOrderStore store;

    public JpaQualityControl() {
    }

    JpaQualityControl(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public WorkOrder check(long id, long expectedVersion, QcLevel level, boolean passed, String note, Actor actor) {
        if (level == null) {
            throw DmsException.invalid("level", "required", "请选择质检级别", "the QC level is required");
        }
        if (level == QcLevel.SELF) {
            store.permissions.require(actor, "workorder.qc.self");
        } else if (level == QcLevel.FOREMAN) {
            store.permissions.require(actor, "workorder.qc.foreman");
        } else {
            store.permissions.require(actor, "workorder.qc.final");
        }
        String cleanNote = WorkOrderRules.note("note", note, WorkOrderRules.NOTE_MAX);
        if (!passed && cleanNote == null) {
            throw DmsException.invalid("note", "required", "质检不通过时请写明原因", "say why the check failed");
        }
        Instant now = store.now();
        List<QcLevel> qc = store.qcLevels;
        WorkOrder after = store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            if (e.status != WorkOrderStatus.AWAITING_QC) {
                throw DmsException.conflict("status", "qc.status", "工单“" + e.status.zh() + "”，只有待质检的工单可以质检",
                        "the work order is " + e.status + "; only a work order AWAITING_QC is checked");
            }
            QcGate.refuseCheckWithoutLabour(em, e);
            if (level == QcLevel.SELF) {
                // the technicians check their own work: one dispatched here, or someone recorded as acting for them
                ActingFor.requireAssignedOrRecord(em, e.id, null, "QC_SELF", "level",
                        ActingFor.onWorkOrder(em, e.id), actor, utc(now));
            }
            if (passed) {
                QcGate.refuseOutOfOrder(level, qc, passedLevels(e));
            }
            LocalDateTime at = utc(now);
            QcEntity q = new QcEntity();
            q.workOrderId = e.id;
            q.level = level;
            q.passed = passed;
            q.note = cleanNote;
            q.username = actor.username();
            q.checkedAt = at;
            em.persist(q);
            if (passed) {
                if (level == QcLevel.FINAL) {
                    e.finalQcPassed = true;
                }
                Set<QcLevel> levels = passedLevels(e);
                levels.add(level);
                e.qcPassed = levels.stream().map(QcLevel::name).sorted().collect(Collectors.joining(","));
            } else {
                e.reworkCount++;
                move(em, e, WorkOrderStatus.IN_REPAIR, at, actor, "QC " + level + " failed / 质检不合格（返工）: " + cleanNote);
            }
        });
        if (!passed) {
            store.tell(WorkOrderListener::statusChanged, after, WorkOrderStatus.AWAITING_QC, null, actor, now);
        }
        return after;
    }

    @Override
    public List<QcRecord> checks(long id) {
        return store.read(em -> {
            find(em, id);
            return WorkOrderRecords.checks(em, id);
        });
    }

    @Override
    public WorkOrder confirmComeback(long id, long expectedVersion, Actor actor) {
        return decideComeback(id, expectedVersion, ComebackDecision.CONFIRMED, actor);
    }

    @Override
    public WorkOrder rejectComeback(long id, long expectedVersion, Actor actor) {
        return decideComeback(id, expectedVersion, ComebackDecision.REJECTED, actor);
    }

    private WorkOrder decideComeback(long id, long expectedVersion, ComebackDecision decision, Actor actor) {
        store.permissions.require(actor, "workorder.comeback.decide");
        Instant now = store.now();
        return store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            if (e.comebackDecision == null) {
                throw DmsException.conflict("comeback", "comeback.none", "该工单没有待判定的返修关联",
                        "this work order has no proposed comeback link");
            }
            if (e.comebackDecision != ComebackDecision.PROPOSED) {
                throw DmsException.conflict("comeback", "comeback.decided",
                        "返修关联已由 " + e.comebackDecidedBy + " 判定为"
                                + (e.comebackDecision == ComebackDecision.CONFIRMED ? "返修" : "非返修"),
                        "the comeback link was already " + e.comebackDecision.name().toLowerCase(Locale.ROOT) + " by "
                                + e.comebackDecidedBy);
            }
            e.comebackDecision = decision;
            e.comebackDecidedBy = actor.username();
            e.comebackDecidedAt = utc(now);
        });
    }
}
