package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Deposits;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.workorder.api.WorkOrder;

import static org.opendms.settlement.impl.Writes.*;

/** Deposits (订金) taken at reception and used as a tender when the bill is paid. */
final class DepositBook {

    private static final Set<String> DEPOSIT_METHODS = Set.of(TenderMethods.CASH, TenderMethods.BANK_CARD,
            TenderMethods.WECHAT, TenderMethods.ALIPAY);

    private final JpaSettlements svc;

    DepositBook(JpaSettlements svc) {
        this.svc = svc;
    }

    public Deposit take(long workOrderId, BigDecimal amount, String method, String reference, Actor actor) {
        svc.permissions.require(actor, "settlement.deposit.take");
        List<Violation> wrong = new ArrayList<>();
        String m = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (!amount(amount)) {
            wrong.add(new Violation("amount", "invalid", "订金金额须大于 0，最多两位小数",
                    "a deposit is more than 0 with at most 2 decimals"));
        }
        if (!DEPOSIT_METHODS.contains(m)) {
            wrong.add(new Violation("method", "unknown", "订金只收现金、银行卡、微信或支付宝",
                    "a deposit is paid by CASH, BANK_CARD, WECHAT or ALIPAY"));
        }
        if ((TenderMethods.WECHAT.equals(m) || TenderMethods.ALIPAY.equals(m)) && ref == null) {
            wrong.add(new Violation("reference", "required", "请填写微信/支付宝的交易单号",
                    "the provider's transaction number is required"));
        }
        if (ref != null && ref.length() > REFERENCE_MAX) {
            wrong.add(new Violation("reference", "too_long", "参考号最多 " + REFERENCE_MAX + " 个字符",
                    "a reference has at most " + REFERENCE_MAX + " characters"));
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        WorkOrder wo = svc.workOrders.get(workOrderId);
        if (wo.status().isFinal()) {
            throw DmsException.conflict("workOrderId", "workorder.final",
                    "工单 " + wo.number() + " “" + wo.status().zh() + "”，不再收订金",
                    "work order " + wo.number() + " is " + wo.status() + "; it takes no deposit");
        }
        LocalDateTime at = Stored.utc(svc.now());
        return write(() -> svc.jpa.txExpr(em -> {
            svc.cashUps.requireOpen(em, actor);
            if (TenderMethods.WECHAT.equals(m) || TenderMethods.ALIPAY.equals(m)) {
                Paying.takeTxn(em, m, ref, "", at);
            }
            DepositEntity d = new DepositEntity();
            d.workOrderId = wo.id();
            d.customerId = wo.customerId();
            d.amount = amount.setScale(2);
            d.used = Billing.ZERO;
            d.method = m;
            d.reference = ref;
            d.takenAt = at;
            d.takenBy = actor.username();
            em.persist(d);
            em.flush();
            Deposit out = Records.deposit(d);
            svc.audit.record(em, actor, "deposit", d.id, null, out);
            return out;
        }), "订金", "the deposit");
    }

    List<Deposit> ofWorkOrder(long workOrderId) {
        return svc.jpa.txExpr(em -> em
                .createQuery("SELECT d FROM DepositEntity d WHERE d.workOrderId = :wo ORDER BY d.id",
                        DepositEntity.class)
                .setParameter("wo", workOrderId).getResultList().stream().map(Records::deposit).toList());
    }

    static long useDeposit(EntityManager em, SettlementEntity doc, String reference, BigDecimal amount,
            String field) {
        long depositId = Long.parseLong(reference);
        DepositEntity d = em.find(DepositEntity.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.workOrderId != doc.workOrderId) {
            throw DmsException.invalid(field + ".reference", "deposit.unknown",
                    "工单 " + doc.workOrderNumber + " 没有编号为 " + reference + " 的订金",
                    "work order " + doc.workOrderNumber + " has no deposit " + reference);
        }
        BigDecimal left = d.amount.subtract(d.used);
        if (left.compareTo(amount) < 0) {
            throw DmsException.conflict(field + ".amount", "deposit.insufficient", "订金 " + reference + " 只剩 " + left
                    + " 元", "deposit " + reference + " has only " + left + " left");
        }
        d.used = d.used.add(amount);
        return depositId;
    }

}
