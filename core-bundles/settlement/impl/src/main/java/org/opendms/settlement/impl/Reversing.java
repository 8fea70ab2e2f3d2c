package org.opendms.settlement.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.api.event.SettlementListener;

import static org.opendms.settlement.impl.Writes.*;

/** A reversal (红冲): a new document of the same amounts negated, tenders refunded to where they came from. */
final class Reversing {

    private final JpaSettlements svc;

    Reversing(JpaSettlements svc) {
        this.svc = svc;
    }

    public Settlement reverse(long id, long expectedVersion, String reason, Actor actor) {
        svc.permissions.require(actor, "settlement.reverse");
        String why = clean(reason, Integer.MAX_VALUE);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明红冲原因", "say why the document is reversed");
        }
        if (why.length() > REASON_MAX) {
            throw DmsException.invalid("reason", "too_long", "红冲原因最多 " + REASON_MAX + " 个字",
                    "a reason has at most " + REASON_MAX + " characters");
        }
        Map<String, TenderProvider> plugins = svc.pluginTenders();
        Instant now = svc.now();
        LocalDateTime at = Stored.utc(now);
        Settlement[] original = new Settlement[1];
        Settlement reversal = write(() -> svc.jpa.txExpr(em -> {
            svc.cashUps.requireOpen(em, actor);
            SettlementEntity e = find(em, id, true);
            StaleVersion.check(e.version, expectedVersion, "结算单 " + e.number, "document " + e.number);
            if (!SettlementStatus.SETTLED.name().equals(e.status) || SettlementEntity.REVERSAL.equals(e.kind)) {
                SettlementStatus s = SettlementStatus.valueOf(e.status);
                throw DmsException.conflict("status", "settlement.not_settled",
                        "结算单 " + e.number + " “" + s.zh() + "”，只有已结算的单据可以红冲",
                        "document " + e.number + " is " + s + "; only a settled bill is reversed");
            }
            Settlement before = Records.header(em, e);
            SettlementEntity r = new SettlementEntity();
            r.number = "T" + System.nanoTime();
            r.workOrderId = e.workOrderId;
            r.workOrderNumber = e.workOrderNumber;
            r.round = e.round;
            r.kind = SettlementEntity.REVERSAL;
            r.payer = e.payer;
            r.customerId = e.customerId;
            r.payerName = e.payerName;
            r.status = SettlementStatus.SETTLED.name();
            r.labour = e.labour.negate();
            r.parts = e.parts.negate();
            r.sublet = e.sublet.negate();
            r.fees = e.fees.negate();
            r.handlingFee = e.handlingFee.negate();
            r.discount = e.discount.negate();
            r.discountApprovedBy = e.discountApprovedBy;
            r.net = e.net.negate();
            r.vatRate = e.vatRate;
            r.vat = e.vat.negate();
            r.gross = e.gross.negate();
            r.roundTo = e.roundTo;
            r.rounding = e.rounding.negate();
            r.payable = e.payable.negate();
            r.paid = e.paid.negate();
            r.onAccount = e.onAccount.negate();
            r.reversalOfId = e.id;
            r.reason = why;
            r.createdAt = at;
            r.createdBy = actor.username();
            r.settledAt = at;
            r.settledBy = actor.username();
            r.version = 1;
            em.persist(r);
            em.flush();
            r.number = svc.number(now, r.id);
            int seq = 0;
            for (LineEntity l : em.createQuery("SELECT l FROM LineEntity l WHERE l.settlementId = :id ORDER BY l.seq",
                    LineEntity.class).setParameter("id", e.id).getResultList()) {
                LineEntity n = new LineEntity();
                n.settlementId = r.id;
                n.seq = ++seq;
                n.workOrderLineId = l.workOrderLineId;
                n.jobId = l.jobId;
                n.kind = l.kind;
                n.code = l.code;
                n.description = l.description;
                n.quantity = l.quantity.negate();
                n.unitPrice = l.unitPrice;
                n.listNet = l.listNet.negate();
                n.discount = l.discount.negate();
                n.net = l.net.negate();
                em.persist(n);
            }
            Records.writeBenefits(em, r.id, Records.benefits(em, e.id), true);
            TenderContext context = new TenderContext(e.id, e.number, e.workOrderId, e.customerId,
                    Payer.valueOf(e.payer), e.payable, actor);
            seq = 0;
            for (TenderEntity t : Records.tenderRows(em, e.id)) {
                TenderEntity n = new TenderEntity();
                n.settlementId = r.id;
                n.seq = ++seq;
                n.method = t.method;
                n.amount = t.amount.negate();
                n.reference = t.reference;
                n.depositId = t.depositId;
                n.createdAt = at;
                n.createdBy = actor.username();
                switch (t.method) {
                case TenderMethods.DEPOSIT -> {
                    DepositEntity d = em.find(DepositEntity.class, t.depositId, LockModeType.PESSIMISTIC_WRITE);
                    d.used = d.used.subtract(t.amount);
                }
                case TenderMethods.ON_ACCOUNT -> {
                    CreditAccountEntity a = em.find(CreditAccountEntity.class, e.customerId,
                            LockModeType.PESSIMISTIC_WRITE);
                    a.balance = a.balance.subtract(t.amount);
                    a.version++;
                    a.updatedAt = at;
                    a.updatedBy = actor.username();
                }
                case TenderMethods.CASH, TenderMethods.BANK_CARD, TenderMethods.WECHAT, TenderMethods.ALIPAY -> {
                    // paid back at the counter or through the provider's refund, to the same transaction
                }
                default -> {
                    TenderProvider p = plugins.get(t.method);
                    if (p == null) {
                        throw DmsException.conflict("tenders", "tender.unavailable",
                                "付款方式 " + t.method + " 的插件未运行，无法退回",
                                "the plugin of tender " + t.method + " is not running; it cannot refund");
                    }
                    p.refund(context, t.amount, t.reference);
                }
                }
                em.persist(n);
            }
            e.status = SettlementStatus.REVERSED.name();
            e.reversedById = r.id;
            e.version++;
            em.flush();
            original[0] = Records.load(em, e);
            svc.audit.record(em, actor, "settlement", e.id, trail(before), trail(original[0]));
            Settlement made = Records.load(em, r);
            svc.audit.record(em, actor, "settlement", r.id, null, trail(made));
            return made;
        }), "结算单", "the document");
        svc.tell(SettlementListener::reversed, reversal, now, actor);
        return reversal;
    }
}
