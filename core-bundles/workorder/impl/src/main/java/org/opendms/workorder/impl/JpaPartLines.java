package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.liveJob;
import static org.opendms.workorder.impl.WorkOrderRows.refuseClosed;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Part lines as the parts store serves them: marked not needed, issued and returned, and their other steps. */
@Component(service = PartLines.class)
public class JpaPartLines implements PartLines {

    /** The advisor (and manager) marks a line not needed. */
    static final String MARK = "workorder.line.not-needed";
    /** The parts clerk's issues, returns, orders and arrivals, told by the parts module. */
    static final String RECORD = "workorder.line.parts";
    static final int REASON_MAX = 200;
    static final int TEXT_MAX = 500;
    private static final Set<String> KINDS = Set.of(ISSUED, RETURNED, RESERVED, RELEASED, ORDERED, ARRIVED);

    @Reference
    WorkOrderStore store;

    public JpaPartLines() {
    }

    JpaPartLines(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public WorkOrder markNotNeeded(long id, long jobId, long lineId, long expectedVersion, String reason,
            Actor actor) {
        store.permissions.require(actor, MARK);
        String why = WorkOrderRules.note("reason", reason, REASON_MAX);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明该配件无需领料的原因", "say why the part is not needed");
        }
        Instant now = store.now();
        return store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, lineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("lineId", "项目 " + job.seq + " 中没有明细 " + lineId,
                        "job " + job.seq + " has no line " + lineId);
            }
            if (line.type != LineType.PART) {
                throw DmsException.conflict("lineId", "line.not_part", "只有配件明细可以标记为无需领料",
                        "only a part line is marked not needed");
            }
            if (line.notNeededAt != null) {
                throw DmsException.conflict("lineId", "line.not_needed", "该明细已于之前标记为无需领料：" + line.notNeededReason,
                        "the line is already marked not needed: " + line.notNeededReason);
            }
            LocalDateTime at = utc(now);
            line.notNeededReason = why;
            line.notNeededAt = at;
            line.notNeededBy = actor.username();
            step(em, e.id, line, NOT_NEEDED, "项目 " + job.seq + " 配件「" + label(line) + "」无需领料：" + why,
                    "job " + job.seq + " part '" + label(line) + "' not needed: " + why, actor, at);
        });
    }

    @Override
    public WorkOrder recordIssue(long id, long lineId, BigDecimal issuedQuantity, BigDecimal issueCost, String kind,
            String textZh, String textEn, Actor actor) {
        store.permissions.require(actor, RECORD);
        Violations v = new Violations();
        if (issuedQuantity == null || issuedQuantity.signum() < 0) {
            v.add("issuedQuantity", "out_of_range", "已领数量不能为负", "issuedQuantity must be 0 or more");
        }
        if (issueCost == null || issueCost.signum() < 0) {
            v.add("issueCost", "out_of_range", "领料成本不能为负", "issueCost must be 0 or more");
        }
        if (!ISSUED.equals(kind) && !RETURNED.equals(kind)) {
            v.add("kind", "kind.unknown", "只能登记领料或退料", "kind is PART_ISSUED or PART_RETURNED");
        }
        String zh = text(v, "textZh", textZh);
        String en = text(v, "textEn", textEn);
        v.throwIfAny();
        Instant now = store.now();
        // a fact already committed in the parts ledger: whatever version the work order has now, which stays
        return store.recordOnWorkOrder(id, now, actor, (em, e) -> {
            LineEntity line = partLine(em, e.id, lineId);
            line.issuedQuantity = issuedQuantity.setScale(2, RoundingMode.HALF_UP);
            line.issueCost = issueCost.setScale(2, RoundingMode.HALF_UP);
            step(em, e.id, line, kind, zh, en, actor, utc(now));
        });
    }

    @Override
    public void recordStep(long id, Long lineId, String kind, String textZh, String textEn, Actor actor) {
        store.permissions.require(actor, RECORD);
        Violations v = new Violations();
        if (kind == null || !KINDS.contains(kind)) {
            v.add("kind", "kind.unknown", "未知的配件步骤：" + kind, "unknown part step: " + kind);
        }
        String zh = text(v, "textZh", textZh);
        String en = text(v, "textEn", textEn);
        v.throwIfAny();
        Instant now = store.now();
        WorkOrder after = store.recordOnWorkOrder(id, now, actor, (em, e) -> {
            LineEntity line = lineId == null ? null : partLine(em, e.id, lineId);
            step(em, e.id, line, kind, zh, en, actor, utc(now));
        });
        if (ARRIVED.equals(kind)) {
            store.tell(WorkOrderListener::partsArrived, after, null, null, actor, now);
        }
    }

    private static LineEntity partLine(EntityManager em, long workOrderId, long lineId) {
        LineEntity line = em.find(LineEntity.class, lineId);
        if (line == null || line.workOrderId != workOrderId || line.type != LineType.PART) {
            throw DmsException.notFound("lineId", "工单中没有配件明细 " + lineId, "the work order has no part line " + lineId);
        }
        return line;
    }

    private static String text(Violations v, String field, String raw) {
        String t = WorkOrderRules.text(v, field, raw, TEXT_MAX, false);
        if (t == null) {
            v.add(field, "required", field + " 必填", field + " is required");
        }
        return t;
    }

    static void step(EntityManager em, long workOrderId, LineEntity line, String kind, String zh, String en,
            Actor actor, LocalDateTime at) {
        PartStepEntity s = new PartStepEntity();
        s.workOrderId = workOrderId;
        s.jobId = line == null ? null : line.jobId;
        s.lineId = line == null ? null : line.id;
        s.kind = kind;
        s.textZh = zh;
        s.textEn = en;
        s.recordedBy = actor.username();
        s.recordedAt = at;
        em.persist(s);
        em.flush(); // ids in the order the steps were taken
    }

    private static String label(LineEntity line) {
        return (line.code == null ? "" : line.code + " ") + line.description;
    }
}
