package org.opendms.settlement.impl;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.workorder.api.WorkOrder;

import static org.opendms.settlement.impl.Writes.*;

/** Whether the car may leave: the customer's document settled or on account, or the manager's recorded pay-later. */
final class Delivery {

    private final JpaSettlements svc;

    Delivery(JpaSettlements svc) {
        this.svc = svc;
    }

    public void allowDeliveryUnpaid(long workOrderId, String reason, Actor actor) {
        svc.permissions.require(actor, "settlement.pay-later");
        String why = clean(reason, Integer.MAX_VALUE);
        if (why == null || why.length() > REASON_MAX) {
            throw DmsException.invalid("reason", why == null ? "required" : "too_long",
                    "请写明先交车后付款的原因（最多 " + REASON_MAX + " 字）",
                    "say why the car may leave unpaid (at most " + REASON_MAX + " characters)");
        }
        WorkOrder wo = svc.workOrders.get(workOrderId);
        LocalDateTime at = Stored.utc(svc.now());
        write(() -> svc.jpa.txExpr(em -> {
            PayLaterEntity p = new PayLaterEntity();
            p.workOrderId = wo.id();
            p.reason = why;
            p.allowedBy = actor.username();
            p.allowedAt = at;
            em.persist(p);
            em.flush();
            svc.audit.record(em, actor, "settlement-pay-later", wo.id(), null,
                    Map.of("workOrder", wo.number(), "reason", why));
            return null;
        }), "工单", "the work order");
    }

    List<Violation> deliveryRefusals(long workOrderId) {
        return svc.jpa.txExpr(em -> {
            long allowed = em.createQuery("SELECT COUNT(p) FROM PayLaterEntity p WHERE p.workOrderId = :wo",
                    Long.class).setParameter("wo", workOrderId).getSingleResult();
            if (allowed > 0) {
                return List.of();
            }
            RoundEntity round = em.find(RoundEntity.class, workOrderId);
            if (round == null) {
                return List.of(new Violation("status", "settlement.missing", "工单尚未结算，结算收款后才能交车",
                        "the work order is not settled; the car leaves once it is settled and paid"));
            }
            for (SettlementEntity e : bills(em, workOrderId, round.lastRound)) {
                if (Payer.CUSTOMER.name().equals(e.payer) && !SettlementStatus.SETTLED.name().equals(e.status)) {
                    SettlementStatus s = SettlementStatus.valueOf(e.status);
                    return List.of(new Violation("status", "settlement.unpaid",
                            "客户结算单 " + e.number + " “" + s.zh() + "”，收款或挂账后才能交车（或经理批准先交车后付款）",
                            "the customer's document " + e.number + " is " + s
                                    + "; the car leaves once it is paid or on account (or the manager allows it)"));
                }
            }
            return List.of();
        });
    }
}
