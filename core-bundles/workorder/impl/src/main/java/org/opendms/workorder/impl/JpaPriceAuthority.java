package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.liveJob;
import static org.opendms.workorder.impl.WorkOrderRows.refuseClosed;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LinePrice;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceOutcome;
import org.opendms.workorder.api.PriceRequest;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Price authority: lines repriced, requests for the service manager and his decisions (see {@link PriceGate}). */
@Component(service = PriceAuthority.class)
public class JpaPriceAuthority implements PriceAuthority {

    /** Who changes a line's price (and takes back a request). */
    static final String CHANGE = "workorder.line.price";

    @Reference
    WorkOrderStore store;

    public JpaPriceAuthority() {
    }

    JpaPriceAuthority(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public PriceOutcome setPrice(long id, long jobId, long lineId, long expectedVersion, LinePrice price, Actor actor) {
        store.permissions.require(actor, CHANGE);
        if (price == null || price.unitPrice() == null && price.discount() == null) {
            throw DmsException.invalid("unitPrice", "required", "请输入新的单价或折扣",
                    "give the new unitPrice or discount");
        }
        Instant now = store.now();
        Long[] request = new Long[1];
        WorkOrder after = store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, lineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("lineId", "项目 " + job.seq + " 中没有明细 " + lineId,
                        "job " + job.seq + " has no line " + lineId);
            }
            BigDecimal unitPrice = price.unitPrice() == null ? line.unitPrice : price.unitPrice();
            BigDecimal discount = price.discount() == null ? line.discount : price.discount();
            // the line rules name a wrong unitPrice or discount (negative, 3 decimals, more than the line) as for a new line
            WorkOrderRules.Line checked = WorkOrderRules.line(new LineDraft(line.type, line.code, line.description,
                    line.quantity, unitPrice, discount, line.stockItemId));
            if (checked.unitPrice().compareTo(line.unitPrice) == 0
                    && checked.discount().compareTo(line.discount) == 0) {
                throw DmsException.invalid(price.unitPrice() == null ? "discount" : "unitPrice", "price.unchanged",
                        "单价和折扣与现在相同", "the unit price and discount are what the line has");
            }
            PriceRequestEntity r = PriceGate.price(store, em, job, line, line.unitPrice, line.discount,
                    checked.unitPrice(), checked.discount(), price.reason(), actor, now);
            if (r == null) {
                JpaJobs.withdrawApproval(job); // what the customer pays changed: they approve again
            } else {
                request[0] = r.id;
            }
        });
        return new PriceOutcome(after, request[0] == null ? null : get(request[0]));
    }

    @Override
    public WorkOrder approve(long requestId, String reason, Actor actor) {
        return decide(requestId, PriceRequest.Status.APPROVED, reason, true, PriceGate.APPROVE, actor);
    }

    @Override
    public WorkOrder reject(long requestId, String reason, Actor actor) {
        return decide(requestId, PriceRequest.Status.REJECTED, reason, true, PriceGate.APPROVE, actor);
    }

    @Override
    public WorkOrder withdraw(long requestId, String reason, Actor actor) {
        return decide(requestId, PriceRequest.Status.WITHDRAWN, reason, false, CHANGE, actor);
    }

    /**
     * A decision on a pending request, whatever version of the work order the manager read (the request is what he
     * decides on); the work order is one version on. Until it is delivered or cancelled: a request made before
     * completion is still decided before settlement.
     */
    private WorkOrder decide(long requestId, PriceRequest.Status to, String rawReason, boolean reasonRequired,
            String permission, Actor actor) {
        store.permissions.require(actor, permission);
        String reason = WorkOrderRules.note("reason", rawReason, PriceGate.REASON_MAX);
        if (reason == null && reasonRequired) {
            throw DmsException.invalid("reason", "required",
                    to == PriceRequest.Status.APPROVED ? "请写明批准改价的原因" : "请写明驳回改价的原因",
                    "say why the price is " + (to == PriceRequest.Status.APPROVED ? "approved" : "rejected"));
        }
        Instant now = store.now();
        WorkOrder decided = store.change(em -> {
            PriceRequestEntity r = find(em, requestId);
            WorkOrderEntity e = WorkOrderRows.lockAnyVersion(em, r.workOrderId);
            em.refresh(r);
            if (e.status.isFinal()) {
                throw DmsException.conflict("status", "status.final", "工单“" + e.status.zh() + "”，不能再审批改价",
                        "the work order is " + e.status + "; its prices are no longer decided");
            }
            if (r.status != PriceRequest.Status.PENDING) {
                throw DmsException.conflict("requestId", "price.decided",
                        "改价申请 #" + r.id + " 已由 " + r.decidedBy + " 处理（" + r.status + "）",
                        "price request #" + r.id + " was already decided by " + r.decidedBy + " (" + r.status + ")");
            }
            PriceGate.decide(em, r, to, reason, actor, utc(now));
            if (to == PriceRequest.Status.APPROVED && !WorkOrderRows.CLOSED.contains(e.status)) {
                // the customer approves the job at its new price
                JpaJobs.withdrawApproval(em.find(JobEntity.class, r.jobId));
            }
            WorkOrderRows.touch(e, utc(now), actor);
            em.flush();
            return WorkOrderRecords.load(em, e, now);
        });
        store.tell(WorkOrderListener::changed, decided, null, null, actor, now);
        return decided;
    }

    @Override
    public PriceRequest get(long requestId) {
        return store.read(em -> record(em, find(em, requestId)));
    }

    @Override
    public List<PriceRequest> requests(long workOrderId) {
        return store.read(em -> {
            WorkOrderRows.find(em, workOrderId);
            return em.createQuery("SELECT r FROM PriceRequestEntity r WHERE r.workOrderId = :w ORDER BY r.id DESC",
                    PriceRequestEntity.class).setParameter("w", workOrderId).getResultList().stream()
                    .map(r -> record(em, r)).toList();
        });
    }

    @Override
    public Page<PriceRequest> pending(PageRequest page) {
        Objects.requireNonNull(page, "page");
        PagedSearch<PriceRequestEntity> search = PagedSearch.of(PriceRequestEntity.class, "r")
                .where("r.status = :s", "s", PriceRequest.Status.PENDING);
        return store.read(em -> search.page(em, "r.requestedAt, r.id", page, r -> record(em, r)));
    }

    @Override
    public BigDecimal discountLimit(Actor actor) {
        return store.discountLimits.of(actor);
    }

    private static PriceRequestEntity find(EntityManager em, long requestId) {
        PriceRequestEntity r = em.find(PriceRequestEntity.class, requestId);
        if (r == null) {
            throw DmsException.notFound("requestId", "改价申请 " + requestId + " 不存在",
                    "price request " + requestId + " does not exist");
        }
        return r;
    }

    private static PriceRequest record(EntityManager em, PriceRequestEntity r) {
        WorkOrderEntity wo = em.find(WorkOrderEntity.class, r.workOrderId);
        JobEntity job = em.find(JobEntity.class, r.jobId);
        return new PriceRequest(r.id, r.workOrderId, wo.number, wo.plate, r.jobId, job == null ? 0 : job.seq, r.lineId,
                r.lineType, r.code, r.description, r.quantity, r.listPrice, r.oldUnitPrice, r.oldDiscount,
                r.unitPrice, r.discount, PriceRules.percent(r.quantity, r.unitPrice, r.discount), r.limitPercent,
                r.exceeds.isEmpty() ? List.of() : Arrays.asList(r.exceeds.split(",")), r.reason, r.status,
                r.requestedBy, Stored.instant(r.requestedAt), r.decidedBy, Stored.instant(r.decidedAt),
                r.decisionReason);
    }
}
