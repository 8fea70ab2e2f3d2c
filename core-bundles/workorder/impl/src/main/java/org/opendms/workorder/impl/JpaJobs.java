package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.liveJob;
import static org.opendms.workorder.impl.WorkOrderRows.refuseClosed;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Jobs;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Jobs and their lines, and the customer's approval or refusal of each job. */
@Component(service = Jobs.class)
public class JpaJobs implements Jobs {

    @Reference
    WorkOrderStore store;

    public JpaJobs() {
    }

    JpaJobs(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public WorkOrder addJob(long id, long expectedVersion, JobDraft draft, Actor actor) {
        store.permissions.require(actor, "workorder.job.add");
        WorkOrderRules.Job job = WorkOrderRules.job(draft);
        return changeJobs(id, expectedVersion, store.now(), actor, (em, e) -> {
            Integer max = em.createQuery("SELECT MAX(j.seq) FROM JobEntity j WHERE j.workOrderId = :w", Integer.class)
                    .setParameter("w", id).getSingleResult();
            // found once the car is in the workshop: extra work the customer has to approve before it is done
            boolean addOn = e.status != WorkOrderStatus.AWAITING_DISPATCH;
            em.persist(newJob(e, max == null ? 1 : max + 1, job, addOn));
        });
    }

    @Override
    public WorkOrder addLine(long id, long jobId, long expectedVersion, LineDraft draft, Actor actor) {
        store.permissions.require(actor, "workorder.line.add");
        boolean labour = draft != null && draft.type() == LineType.LABOUR;
        if (draft != null && draft.specialOrder() && draft.type() != LineType.PART) {
            throw DmsException.invalid("specialOrder", "part_only", "只有配件明细可以标记为客户专订件",
                    "only a part line is a special order");
        }
        // a part line names a part of the catalogue, when the parts module is there, or is a special order
        LineDraft asked = draft != null && draft.type() == LineType.PART && !draft.specialOrder()
                ? PartCheck.fromCatalogue(store.partNumbers, draft) : draft;
        // a labour line is completed from the catalogue and the job's pay-type rate once they are read; others checked now
        WorkOrderRules.Line checked = labour ? null : WorkOrderRules.line(asked);
        Map<PayType, BigDecimal> rates = store.labourRates;
        Instant now = store.now();
        return changeJobs(id, expectedVersion, now, actor, (em, e) -> {
            JobEntity job = liveJob(em, e, jobId);
            WorkOrderRules.Line line = checked != null ? checked
                    : WorkOrderRules.line(fromCatalogue(em, draft, rates.get(job.payType)));
            LineEntity l = new LineEntity();
            l.workOrderId = e.id;
            l.jobId = job.id;
            l.type = line.type();
            l.code = line.code();
            l.description = line.description();
            l.quantity = line.quantity();
            l.unitPrice = line.unitPrice();
            l.discount = line.discount();
            l.net = line.net();
            l.stockItemId = line.stockItemId();
            l.specialOrder = draft.specialOrder();
            em.persist(l);
            PriceGate.newLine(store, em, job, l, draft.reason(), actor, now);
            withdrawApproval(job);
        });
    }

    @Override
    public WorkOrder removeLine(long id, long jobId, long lineId, long expectedVersion, Actor actor) {
        store.permissions.require(actor, "workorder.line.remove");
        Instant now = store.now();
        return changeJobs(id, expectedVersion, now, actor, (em, e) -> {
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, lineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("lineId", "项目 " + job.seq + " 中没有明细 " + lineId,
                        "job " + job.seq + " has no line " + lineId);
            }
            long clocks = em.createQuery("SELECT COUNT(c) FROM ClockEntity c WHERE c.lineId = :l", Long.class)
                    .setParameter("l", lineId).getSingleResult();
            if (clocks > 0) {
                throw DmsException.conflict("lineId", "line.clocked",
                        "技师已在这条明细上计时，不能删除（实际工时须保留）",
                        "a technician has clocked on this line: it stays, with its actual hours");
            }
            PriceGate.lineRemoved(em, line, actor, utc(now));
            em.remove(line);
            withdrawApproval(job);
        });
    }

    @Override
    public WorkOrder declineJob(long id, long jobId, long expectedVersion, String reason, Actor actor) {
        store.permissions.require(actor, "workorder.job.decline");
        String why = WorkOrderRules.note("reason", reason, WorkOrderRules.DECLINE_REASON_MAX);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明客户拒绝的原因", "say why the customer declined");
        }
        Instant now = store.now();
        return changeJobs(id, expectedVersion, now, actor, (em, e) -> {
            JobEntity job = liveJob(em, e, jobId);
            long clocks = em.createQuery("SELECT COUNT(c) FROM ClockEntity c WHERE c.jobId = :j", Long.class)
                    .setParameter("j", job.id).getSingleResult();
            if (clocks > 0) {
                throw DmsException.conflict("jobId", "job.clocked", "项目 " + job.seq + " 已有技师计时，不能登记为拒绝",
                        "a technician has clocked on job " + job.seq + ": it cannot be declined");
            }
            job.declinedAt = utc(now);
            job.declinedBy = actor.username();
            job.declineReason = why;
            withdrawApproval(job);
            PriceGate.jobDeclined(em, job, actor, utc(now));
            // nobody works a declined job: it leaves the technicians' load and the bay
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.jobId = :j").setParameter("j", job.id)
                    .executeUpdate();
            job.bay = null;
            job.assignedAt = null;
            job.assignedBy = null;
        });
    }

    @Override
    public WorkOrder recordFindings(long id, long jobId, long expectedVersion, String cause, String correction,
            Actor actor) {
        store.permissions.require(actor, "workorder.job.findings");
        Violations v = new Violations();
        String found = WorkOrderRules.text(v, "cause", cause, WorkOrderRules.FINDINGS_MAX, true);
        String done = WorkOrderRules.text(v, "correction", correction, WorkOrderRules.FINDINGS_MAX, true);
        v.throwIfAny();
        Instant now = store.now();
        return changeJobs(id, expectedVersion, now, actor, (em, e) -> {
            JobEntity job = liveJob(em, e, jobId);
            ActingFor.requireAssignedOrRecord(em, e.id, job.id, "FINDINGS", "jobId", ActingFor.onJob(em, job.id),
                    actor, utc(now));
            job.cause = found;
            job.correction = done;
            job.findingsAt = utc(now);
            job.findingsBy = actor.username();
        });
    }

    @Override
    public WorkOrder approve(long id, long jobId, long expectedVersion, ApprovalDraft draft, Actor actor) {
        store.permissions.require(actor, "workorder.job.approve");
        WorkOrderRules.Approval approval = WorkOrderRules.approval(draft);
        Instant now = store.now();
        WorkOrder after = changeJobs(id, expectedVersion, now, actor, (em, e) -> {
            JobEntity job = liveJob(em, e, jobId);
            if (job.approvedAt != null) {
                throw DmsException.conflict("jobId", "job.approved", "项目 " + job.seq + " 已由 " + job.approvedBy + " 确认",
                        "job " + job.seq + " was already approved by " + job.approvedBy);
            }
            PriceGate.refusePending(em, job, "登记客户确认", "approved by the customer");
            approve(job, approval, utc(now), actor);
        });
        store.tell(WorkOrderListener::jobApproved, after, null, jobId, actor, now);
        return after;
    }

    /**
     * A change of the work order's jobs at the version read, refused once it is closed; the work order is stamped
     * with who and when.
     */
    private WorkOrder changeJobs(long id, long expectedVersion, Instant now, Actor actor,
            BiConsumer<EntityManager, WorkOrderEntity> change) {
        return store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            refuseClosed(e);
            change.accept(em, e);
        });
    }

    static JobEntity newJob(WorkOrderEntity e, int seq, WorkOrderRules.Job job, boolean addOn) {
        JobEntity j = new JobEntity();
        j.workOrderId = e.id;
        j.seq = seq;
        j.concern = job.concern();
        j.payType = job.payType();
        j.addOn = addOn;
        return j;
    }

    static void approve(JobEntity j, WorkOrderRules.Approval a, LocalDateTime at, Actor actor) {
        j.approvedBy = a.approvedBy();
        j.approvalChannel = a.channel();
        j.approvedAt = at;
        j.approvalRecordedBy = actor.username();
    }

    /** The customer approved the job as it was: a changed line changes what they pay, so they approve again. */
    static void withdrawApproval(JobEntity job) {
        job.approvedAt = null;
        job.approvedBy = null;
        job.approvalChannel = null;
        job.approvalRecordedBy = null;
    }

    /**
     * A labour line as the catalogue completes it: its operation must be active; the operation's name and flat-rate
     * hours, and the rate of the job's pay type, fill what the advisor left out. A malformed code is left for the line
     * rules to name.
     */
    private static LineDraft fromCatalogue(EntityManager em, LineDraft draft, BigDecimal rate) {
        String code = WorkOrderRules.catalogueCode(draft.code());
        if (code == null) {
            return new LineDraft(draft.type(), draft.code(), draft.description(), draft.quantity(),
                    draft.unitPrice() == null ? rate : draft.unitPrice(), draft.discount(), draft.stockItemId());
        }
        LabourOperationEntity op = em.find(LabourOperationEntity.class, code);
        if (op == null || op.retiredAt != null) {
            throw WorkOrderRules.unknownOperation(code);
        }
        return new LineDraft(draft.type(), code,
                draft.description() == null || draft.description().isBlank() ? op.name : draft.description(),
                draft.quantity() == null ? op.flatRateHours : draft.quantity(),
                draft.unitPrice() == null ? rate : draft.unitPrice(), draft.discount(), draft.stockItemId());
    }
}
