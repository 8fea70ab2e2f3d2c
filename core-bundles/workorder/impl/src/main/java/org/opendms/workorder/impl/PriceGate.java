package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.ListPrices;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.PriceRequest;
import org.opendms.workorder.api.WorkOrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The price authority inside a work order's transaction: a line priced as the actor may price it, a price beyond that
 * kept as a request for the manager, every step written to wo_price_change, and the moves a pending request blocks.
 * Called by the services that add lines, approve, dispatch and move work orders (one line each), and by
 * {@link JpaPriceAuthority}.
 */
final class PriceGate {

    private static final Logger LOG = LoggerFactory.getLogger(PriceGate.class);

    /** Who sets any price directly (with a reason) and decides the requests of others: the service manager. */
    static final String APPROVE = "workorder.price.approve";
    static final int REASON_MAX = 200;

    static final String SET = "PRICE_SET";
    static final String REQUESTED = "PRICE_REQUESTED";
    static final String APPROVED = "PRICE_APPROVED";
    static final String REJECTED = "PRICE_REJECTED";
    static final String WITHDRAWN = "PRICE_WITHDRAWN";

    private PriceGate() {
    }

    /**
     * The list price of a line: the first {@link ListPrices} hook that prices it, else for labour the rate of the job's
     * pay type in the labour rate table; null when nothing prices it.
     */
    static BigDecimal listPrice(WorkOrderStore store, LineType type, String code, Long stockItemId, PayType payType) {
        for (ListPrices source : store.listPrices) {
            try {
                Optional<BigDecimal> price = source.listPrice(type, code, stockItemId, payType);
                if (price != null && price.isPresent() && price.get().signum() >= 0) {
                    return price.get().setScale(2, RoundingMode.HALF_UP);
                }
            } catch (RuntimeException e) {
                LOG.warn("list price source {} failed for {} {}; asking the next", source.getClass().getName(), type,
                        code, e);
            }
        }
        return type == LineType.LABOUR ? store.labourRates.get(payType) : null;
    }

    /**
     * A line just added (persisted, so it has its id): at the price given when the actor may give it; otherwise, with
     * the reason, set directly by the manager or kept at the price the actor may give (the list price, no discount
     * beyond the limit) with a pending request for the rest.
     */
    static PriceRequestEntity newLine(WorkOrderStore store, EntityManager em, JobEntity job, LineEntity line,
            String reason, Actor actor, Instant now) {
        em.flush(); // the line's id
        return price(store, em, job, line, null, null, line.unitPrice, line.discount, reason, actor, now);
    }

    /**
     * A line's price from {@code old…} (null for a new line) to the new unit price and discount, already checked by the
     * line rules. Returns the request when it waits for the manager, null when it applied.
     */
    static PriceRequestEntity price(WorkOrderStore store, EntityManager em, JobEntity job, LineEntity line,
            BigDecimal oldUnitPrice, BigDecimal oldDiscount, BigDecimal unitPrice, BigDecimal discount,
            String rawReason, Actor actor, Instant now) {
        String reason = WorkOrderRules.note("reason", rawReason, REASON_MAX);
        BigDecimal list = listPrice(store, line.type, line.code, line.stockItemId, job.payType);
        PriceRules.Screening s = PriceRules.screen(list, line.quantity, oldUnitPrice, oldDiscount, unitPrice, discount,
                store.discountLimits.of(actor));
        LocalDateTime at = utc(now);
        boolean manager = store.permissions.allows(actor, APPROVE);
        if (s.needsManager() && reason == null) {
            throw DmsException.invalid("reason", "price.reason_required",
                    PriceRules.zh(s.exceeds(), s) + "，请写明原因" + (manager ? "" : "（将提交服务经理审批）"),
                    PriceRules.en(s.exceeds(), s) + ": say why" + (manager ? "" : " (it goes to the service manager)"));
        }
        if (!s.needsManager() || manager) {
            apply(line, unitPrice, discount);
            withdrawPending(em, "r.lineId", line.id, actor, at, "已直接定价");
            log(em, SET, job, line, null, oldUnitPrice, oldDiscount, list, s.exceeds(), reason, actor, at);
            return null;
        }
        if (oldUnitPrice == null) {
            // a new line stands at what the actor may give until the manager decides
            apply(line, s.exceeds().contains(PriceRules.BELOW_LIST) ? list : unitPrice,
                    s.exceeds().contains(PriceRules.OVER_LIMIT) ? BigDecimal.ZERO.setScale(2) : discount);
        }
        withdrawPending(em, "r.lineId", line.id, actor, at, "已由新的改价申请替代");
        PriceRequestEntity r = new PriceRequestEntity();
        r.workOrderId = line.workOrderId;
        r.jobId = job.id;
        r.lineId = line.id;
        r.lineType = line.type;
        r.code = line.code;
        r.description = line.description;
        r.quantity = line.quantity;
        r.listPrice = list;
        r.oldUnitPrice = line.unitPrice;
        r.oldDiscount = line.discount;
        r.unitPrice = unitPrice;
        r.discount = discount;
        r.limitPercent = s.limitPercent();
        r.exceeds = String.join(",", s.exceeds());
        r.reason = reason;
        r.status = PriceRequest.Status.PENDING;
        r.requestedBy = actor.username();
        r.requestedAt = at;
        em.persist(r);
        em.flush();
        PriceChangeEntity c = log(em, REQUESTED, job, line, r, line.unitPrice, line.discount, list, s.exceeds(), reason,
                actor, at);
        c.newUnitPrice = unitPrice; // what is asked for, not what the line holds meanwhile
        c.newDiscount = discount;
        return r;
    }

    /** The manager's decision, or the requester taking it back; an approved price applies to the line. */
    static void decide(EntityManager em, PriceRequestEntity r, PriceRequest.Status to, String reason, Actor actor,
            LocalDateTime at) {
        JobEntity job = em.find(JobEntity.class, r.jobId);
        LineEntity line = em.find(LineEntity.class, r.lineId);
        BigDecimal oldUnitPrice = line.unitPrice;
        BigDecimal oldDiscount = line.discount;
        if (to == PriceRequest.Status.APPROVED) {
            apply(line, r.unitPrice, r.discount);
        }
        r.status = to;
        r.decidedBy = actor.username();
        r.decidedAt = at;
        r.decisionReason = reason;
        String kind = to == PriceRequest.Status.APPROVED ? APPROVED
                : to == PriceRequest.Status.REJECTED ? REJECTED : WITHDRAWN;
        log(em, kind, job, line, r, oldUnitPrice, oldDiscount, r.listPrice, List.of(r.exceeds.split(",")), reason,
                actor, at);
    }

    /** Refuses a step of a job (the customer's approval, dispatch) while it has a price waiting for the manager. */
    static void refusePending(EntityManager em, JobEntity job, String whatZh, String whatEn) {
        List<PriceRequestEntity> pending = pending(em, "r.jobId", job.id);
        if (!pending.isEmpty()) {
            PriceRequestEntity r = pending.get(0);
            throw DmsException.conflict("jobId", "price.pending",
                    "项目 " + job.seq + " 的明细「" + r.description + "」有待服务经理审批的改价申请 #" + r.id + "，审批、驳回或撤回后才能"
                            + whatZh,
                    "job " + job.seq + " has a price request #" + r.id + " (" + r.description
                            + ") waiting for the service manager; it cannot be " + whatEn
                            + " until it is approved, rejected or withdrawn");
        }
    }

    /**
     * A work order's move: not delivered (settled) while a price waits for the manager; cancelled, its requests are
     * withdrawn.
     */
    static void onMove(EntityManager em, WorkOrderEntity e, WorkOrderStatus to, Actor actor, LocalDateTime at) {
        if (to == WorkOrderStatus.DELIVERED) {
            List<PriceRequestEntity> pending = pending(em, "r.workOrderId", e.id);
            if (!pending.isEmpty()) {
                PriceRequestEntity r = pending.get(0);
                throw DmsException.conflict("status", "price.pending",
                        "工单有待服务经理审批的改价申请 #" + r.id + "（" + r.description + "），审批、驳回或撤回后才能结算交车",
                        "price request #" + r.id + " (" + r.description
                                + ") waits for the service manager; the work order is settled and delivered once it"
                                + " is approved, rejected or withdrawn");
            }
        } else if (to == WorkOrderStatus.CANCELLED) {
            withdrawPending(em, "r.workOrderId", e.id, actor, at, "工单已取消");
        }
    }

    /** A removed line or declined job takes its pending requests with it. */
    static void lineRemoved(EntityManager em, LineEntity line, Actor actor, LocalDateTime at) {
        withdrawPending(em, "r.lineId", line.id, actor, at, "明细已删除");
    }

    static void jobDeclined(EntityManager em, JobEntity job, Actor actor, LocalDateTime at) {
        withdrawPending(em, "r.jobId", job.id, actor, at, "客户拒绝了该项目");
    }

    private static void withdrawPending(EntityManager em, String column, long id, Actor actor, LocalDateTime at,
            String why) {
        for (PriceRequestEntity r : pending(em, column, id)) {
            decide(em, r, PriceRequest.Status.WITHDRAWN, why, actor, at);
        }
    }

    static List<PriceRequestEntity> pending(EntityManager em, String column, long id) {
        return em.createQuery("SELECT r FROM PriceRequestEntity r WHERE " + column + " = :id AND r.status = :s"
                + " ORDER BY r.id", PriceRequestEntity.class).setParameter("id", id)
                .setParameter("s", PriceRequest.Status.PENDING).getResultList();
    }

    private static void apply(LineEntity line, BigDecimal unitPrice, BigDecimal discount) {
        line.unitPrice = unitPrice;
        line.discount = discount;
        line.net = PriceRules.net(line.quantity, unitPrice, discount);
    }

    private static PriceChangeEntity log(EntityManager em, String kind, JobEntity job, LineEntity line,
            PriceRequestEntity r, BigDecimal oldUnitPrice, BigDecimal oldDiscount, BigDecimal list,
            List<String> exceeds, String reason, Actor actor, LocalDateTime at) {
        PriceChangeEntity c = new PriceChangeEntity();
        c.workOrderId = line.workOrderId;
        c.jobId = job.id;
        c.lineId = line.id;
        c.requestId = r == null ? null : r.id;
        c.kind = kind;
        String label = line.type + (line.code == null ? "" : " " + line.code) + " " + line.description;
        c.lineLabel = label.length() <= 260 ? label : label.substring(0, 260);
        c.quantity = line.quantity;
        c.listPrice = list;
        c.oldUnitPrice = oldUnitPrice;
        c.oldDiscount = oldDiscount;
        c.newUnitPrice = line.unitPrice;
        c.newDiscount = line.discount;
        c.exceeds = String.join(",", exceeds.stream().filter(x -> !x.isBlank()).toList());
        c.reason = reason;
        c.changedBy = actor.username();
        c.changedAt = at;
        em.persist(c);
        em.flush(); // ids in the order the steps were taken (EclipseLink inserts new rows of one flush in any order)
        return c;
    }
}
