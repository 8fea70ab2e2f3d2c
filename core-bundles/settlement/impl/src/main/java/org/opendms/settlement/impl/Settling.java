package org.opendms.settlement.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

import static org.opendms.settlement.impl.Writes.*;

/** Building the bills of a work order, one per payer, and approving a discount over the limit. */
final class Settling {

    private final JpaSettlements svc;

    Settling(JpaSettlements svc) {
        this.svc = svc;
    }

    public List<Settlement> settle(SettleRequest request, Actor actor) {
        svc.permissions.require(actor, "settlement.settle");
        if (request == null) {
            throw DmsException.invalid("workOrderId", "required", "请选择要结算的工单", "choose the work order to settle");
        }
        WorkOrder wo = svc.workOrders.get(request.workOrderId());
        if (wo.status() != WorkOrderStatus.COMPLETED && wo.status() != WorkOrderStatus.DELIVERED) {
            throw DmsException.conflict("workOrderId", "workorder.not_completed",
                    "工单 " + wo.number() + " “" + wo.status().zh() + "”，完工后才能结算",
                    "work order " + wo.number() + " is " + wo.status() + "; it is settled once COMPLETED");
        }
        Billing.Rules r = svc.rules;
        List<Billing.Draft> drafts = Billing.bill(wo, request, r, svc.benefitsFor(wo));
        boolean mayApprove = svc.permissions.allows(actor, "settlement.discount.approve");
        Instant now = svc.now();
        LocalDateTime at = Stored.utc(now);
        List<Settlement> made = write(() -> svc.jpa.txExpr(em -> {
            RoundEntity round = em.find(RoundEntity.class, wo.id(), LockModeType.PESSIMISTIC_WRITE);
            if (round == null) {
                round = new RoundEntity();
                round.workOrderId = wo.id();
                round.lastRound = 0;
                em.persist(round);
                em.flush(); // a second cashier settling at the same moment fails here (primary key)
            }
            for (SettlementEntity old : bills(em, wo.id(), round.lastRound)) {
                SettlementEntity e = em.find(SettlementEntity.class, old.id, LockModeType.PESSIMISTIC_WRITE);
                SettlementStatus s = SettlementStatus.valueOf(e.status);
                if (s == SettlementStatus.SETTLED) {
                    throw DmsException.conflict("workOrderId", "settlement.paid",
                            "结算单 " + e.number + " 已收款，请先红冲再重新结算",
                            "document " + e.number + " is paid; reverse it before settling again");
                }
                if (s == SettlementStatus.OPEN || s == SettlementStatus.AWAITING_APPROVAL) {
                    Settlement before = Records.header(em, e);
                    e.status = SettlementStatus.VOID.name();
                    e.version++;
                    svc.audit.record(em, actor, "settlement", e.id, trail(before), trail(Records.load(em, e)));
                }
            }
            round.lastRound++;
            List<Settlement> out = new ArrayList<>();
            for (Billing.Draft d : drafts) {
                SettlementEntity e = new SettlementEntity();
                e.number = "T" + System.nanoTime(); // replaced by the numbered one below, once the id is known
                e.workOrderId = wo.id();
                e.workOrderNumber = wo.number();
                e.round = round.lastRound;
                e.kind = SettlementEntity.BILL;
                e.payer = d.payer().name();
                e.customerId = wo.customerId();
                e.payerName = clean(d.payerName(), 100);
                e.labour = d.labour();
                e.parts = d.parts();
                e.sublet = d.sublet();
                e.fees = d.fees();
                e.handlingFee = d.handlingFee();
                e.discount = d.discount();
                e.net = d.net();
                e.vatRate = d.vatRate();
                e.vat = d.vat();
                e.gross = d.gross();
                e.roundTo = d.roundTo().name();
                e.rounding = d.rounding();
                e.payable = d.payable();
                e.paid = Billing.ZERO;
                e.onAccount = Billing.ZERO;
                e.createdAt = at;
                e.createdBy = actor.username();
                e.version = 1;
                if (d.discountOverLimit() && !mayApprove) {
                    e.status = SettlementStatus.AWAITING_APPROVAL.name();
                    e.discountRequestedBy = actor.username();
                } else {
                    e.status = d.payable().signum() == 0 ? SettlementStatus.SETTLED.name()
                            : SettlementStatus.OPEN.name();
                    e.discountApprovedBy = d.discountOverLimit() ? actor.username() : null;
                    if (d.payable().signum() == 0) {
                        e.settledAt = at;
                        e.settledBy = actor.username();
                    }
                }
                em.persist(e);
                em.flush();
                e.number = svc.number(now, e.id);
                int seq = 0;
                for (Billing.DraftLine l : d.lines()) {
                    LineEntity le = new LineEntity();
                    le.settlementId = e.id;
                    le.seq = ++seq;
                    le.workOrderLineId = l.workOrderLineId();
                    le.jobId = l.jobId();
                    le.kind = l.kind().name();
                    le.code = clean(l.code(), 40);
                    le.description = clean(l.description(), 200);
                    le.quantity = l.quantity();
                    le.unitPrice = l.unitPrice();
                    le.listNet = l.listNet();
                    le.discount = l.discount();
                    le.net = l.net();
                    em.persist(le);
                }
                Records.writeBenefits(em, e.id, d.benefits(), false);
                em.flush();
                Settlement s = Records.load(em, e);
                svc.audit.record(em, actor, "settlement", e.id, null, trail(s));
                out.add(s);
            }
            return out;
        }), "工单 " + wo.number() + " 的结算", "the settlement of work order " + wo.number());
        for (Settlement s : made) {
            if (s.status() == SettlementStatus.SETTLED) {
                svc.tell(SettlementListener::settled, s, now, actor);
            }
        }
        return made;
    }

    Settlement get(long id) {
        return svc.jpa.txExpr(em -> Records.load(em, find(em, id, false)));
    }

    List<Settlement> forWorkOrder(long workOrderId) {
        return svc.jpa.txExpr(em -> em
                .createQuery("SELECT s FROM SettlementEntity s WHERE s.workOrderId = :wo ORDER BY s.id",
                        SettlementEntity.class)
                .setParameter("wo", workOrderId).getResultList().stream().map(e -> Records.load(em, e)).toList());
    }

    List<Settlement> openAfterDelivery() {
        return svc.jpa.txExpr(em -> em.createQuery("SELECT s FROM SettlementEntity s WHERE s.status = :open"
                + " AND s.workOrderId IN (SELECT p.workOrderId FROM PayLaterEntity p) ORDER BY s.id",
                SettlementEntity.class).setParameter("open", SettlementStatus.OPEN.name()).setMaxResults(200)
                .getResultList().stream().map(e -> Records.load(em, e)).toList());
    }

    Settlement approveDiscount(long id, long expectedVersion, Actor actor) {
        svc.permissions.require(actor, "settlement.discount.approve");
        LocalDateTime at = Stored.utc(svc.now());
        return write(() -> svc.jpa.txExpr(em -> {
            SettlementEntity e = find(em, id, true);
            StaleVersion.check(e.version, expectedVersion, "结算单 " + e.number, "document " + e.number);
            if (!SettlementStatus.AWAITING_APPROVAL.name().equals(e.status)) {
                throw DmsException.conflict("status", "settlement.no_approval_pending",
                        "结算单 " + e.number + " 没有待审批的折扣", "document " + e.number + " awaits no approval");
            }
            Settlement before = Records.header(em, e);
            e.status = SettlementStatus.OPEN.name();
            e.discountApprovedBy = actor.username();
            e.version++;
            Settlement after = Records.load(em, e);
            svc.audit.record(em, actor, "settlement", e.id, trail(before), trail(after));
            return after;
        }), "结算单", "the document");
    }
}
