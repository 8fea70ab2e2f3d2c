package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.StoredValueKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 储值卡 at the cashier, through the settlement's published tender API. The reference the cashier enters is the
 * member's authorisation code (given against the PIN). The plugin's writes are its own transaction: a payment that
 * fails after the take is undone by {@link #cancel}; a reversal puts the payment back by {@link #refund}. Removing the
 * plugin removes the tender; balances stay in the plugin's tables.
 */
@Component(service = TenderProvider.class)
public class StoredValueTender implements TenderProvider {

    @Reference
    JpaMembership membership;

    @Override
    public String method() {
        return Membership.STORED_VALUE;
    }

    @Override
    public String nameZh() {
        return "储值卡";
    }

    @Override
    public String nameEn() {
        return "Stored value";
    }

    @Override
    public Optional<BigDecimal> available(TenderContext context) {
        if (context.payer() != Payer.CUSTOMER) {
            return Optional.empty(); // warranty, insurance and internal documents are not paid by the member
        }
        return membership.jpa.txExpr(em -> memberOf(em, context.customerId()).map(m -> {
            BalanceEntity b = em.find(BalanceEntity.class, m.id);
            return b.principal.add(b.bonus);
        }));
    }

    private static Optional<MemberEntity> memberOf(EntityManager em, long customerId) {
        List<MemberEntity> found = em.createQuery("SELECT m FROM MemberEntity m WHERE m.customerId = :c AND"
                + " m.active = :a", MemberEntity.class).setParameter("c", customerId).setParameter("a", true)
                .getResultList();
        return found.stream().findFirst();
    }

    @Override
    public String take(TenderContext context, BigDecimal amount, String reference) {
        if (context.payer() != Payer.CUSTOMER) {
            throw DmsException.invalid("reference", "stored_value.not_customer", "只有客户付费的结算单可用储值卡",
                    "stored value pays only documents the customer pays");
        }
        if (reference == null || reference.isBlank()) {
            throw DmsException.invalid("reference", "authorisation.required", "请会员输入密码，并填写授权码",
                    "the member's authorisation code (given against the PIN) is required");
        }
        String code = reference.strip().toUpperCase(java.util.Locale.ROOT);
        Object[] done = DeadlockRetry.write(() -> membership.jpa.txExpr(em -> {
            LocalDateTime now = membership.now();
            AuthorisationEntity a = em.find(AuthorisationEntity.class, code, LockModeType.PESSIMISTIC_WRITE);
            MemberEntity m = a == null ? null : em.find(MemberEntity.class, a.memberId);
            if (a == null || m == null || m.customerId != context.customerId()) {
                throw DmsException.invalid("reference", "authorisation.unknown", "授权码无效（不是本单客户的）",
                        "no such authorisation for this document's customer");
            }
            if (a.usedByEntry != null) {
                throw DmsException.invalid("reference", "authorisation.used", "授权码已使用，请会员重新输入密码",
                        "the authorisation was used: the member enters the PIN again");
            }
            if (!a.expiresAt.isAfter(now)) {
                throw DmsException.invalid("reference", "authorisation.expired", "授权码已过期，请会员重新输入密码",
                        "the authorisation expired: the member enters the PIN again");
            }
            if (amount.compareTo(a.amount) > 0) {
                throw DmsException.invalid("amount", "authorisation.exceeded",
                        "会员授权 " + a.amount + " 元，不能付 " + amount + " 元",
                        "the member authorised " + a.amount + ", not " + amount);
            }
            BalanceEntity b = StoredValueBook.lock(em, m.id);
            Balance before = Records.balance(m, b);
            if (amount.compareTo(b.principal.add(b.bonus)) > 0) {
                throw DmsException.invalid("amount", "balance.insufficient",
                        "储值余额 " + b.principal.add(b.bonus) + " 元，不够付 " + amount + " 元",
                        "the stored value " + b.principal.add(b.bonus) + " does not cover " + amount);
            }
            Splits.Split split = Splits.payment(amount, b.principal, b.bonus, membership.spendOrder);
            EntryEntity e = StoredValueBook.move(em, b, StoredValueKind.PAYMENT, StoredValueBook.negate(split), now,
                    context.actor().username());
            e.settlementId = context.settlementId();
            e.reference = context.settlementNumber();
            em.flush();
            a.usedByEntry = e.id;
            membership.audit.record(em, context.actor(), "member.stored-value", m.id, before, Records.balance(m, b));
            return new Object[] { Records.member(m), Records.entry(e) };
        }));
        var entry = (org.opendms.plugin.membership.api.StoredValueEntry) done[1];
        membership.tell((l, mm) -> l.storedValueMoved(mm, entry), (Member) done[0]);
        return "SV" + entry.id();
    }

    @Override
    public void cancel(TenderContext context, String takenReference) {
        Long paymentId = paymentId(takenReference);
        if (paymentId == null) {
            return;
        }
        putBack(context, paymentId, null, true);
    }

    @Override
    public void refund(TenderContext context, BigDecimal amount, String takenReference) {
        Long paymentId = paymentId(takenReference);
        if (paymentId == null) {
            throw DmsException.invalid("reference", "payment.unknown", "找不到储值付款 " + takenReference,
                    "no stored-value payment " + takenReference);
        }
        putBack(context, paymentId, amount, false);
    }

    private static Long paymentId(String takenReference) {
        if (takenReference == null || !takenReference.matches("SV[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(takenReference.substring(2));
    }

    /**
     * Puts back a payment (all of what is left when amount is null), in the payment's own proportion of principal and
     * bonus. A cancel also frees the authorisation, so the cashier can try the payment again.
     */
    private void putBack(TenderContext context, long paymentId, BigDecimal amount, boolean cancel) {
        Object[] done = DeadlockRetry.write(() -> membership.jpa.txExpr(em -> {
            EntryEntity paid = em.find(EntryEntity.class, paymentId);
            if (paid == null || !StoredValueKind.PAYMENT.name().equals(paid.kind)) {
                if (cancel) {
                    return null; // nothing was taken (its transaction did not commit)
                }
                throw DmsException.invalid("reference", "payment.unknown", "找不到储值付款 SV" + paymentId,
                        "no stored-value payment SV" + paymentId);
            }
            BalanceEntity b = StoredValueBook.lock(em, paid.memberId);
            MemberEntity m = JpaMembership.member(em, paid.memberId);
            Balance before = Records.balance(m, b);
            Splits.Split was = new Splits.Split(paid.principal.negate(), paid.bonus.negate());
            Object[] back = (Object[]) em.createQuery("SELECT COALESCE(SUM(e.principal), 0), COALESCE(SUM(e.bonus),"
                    + " 0) FROM EntryEntity e WHERE e.paymentId = :p").setParameter("p", paymentId).getSingleResult();
            Splits.Split already = new Splits.Split(new BigDecimal(back[0].toString()),
                    new BigDecimal(back[1].toString()));
            BigDecimal left = was.total().subtract(already.total());
            BigDecimal want = amount == null ? left : amount;
            if (want.compareTo(left) > 0) {
                throw DmsException.invalid("amount", "refund.over_payment",
                        "该笔储值付款只剩 " + left + " 元可退回", "only " + left + " of this payment is left to put back");
            }
            if (want.signum() <= 0) {
                return null; // already put back: a second cancel does nothing
            }
            EntryEntity e = StoredValueBook.move(em, b, StoredValueKind.PAYMENT_BACK, Splits.back(want, was, already),
                    membership.now(), context.actor().username());
            e.settlementId = context.settlementId();
            e.paymentId = paymentId;
            e.reference = context.settlementNumber();
            e.reason = cancel ? "付款未完成 payment did not complete" : "结算单红冲 document reversed";
            if (cancel) {
                em.createQuery("UPDATE AuthorisationEntity a SET a.usedByEntry = NULL WHERE a.usedByEntry = :p")
                        .setParameter("p", paymentId).executeUpdate();
            }
            em.flush();
            membership.audit.record(em, context.actor(), "member.stored-value", m.id, before, Records.balance(m, b));
            return new Object[] { Records.member(m), Records.entry(e) };
        }));
        if (done != null) {
            var entry = (org.opendms.plugin.membership.api.StoredValueEntry) done[1];
            membership.tell((l, mm) -> l.storedValueMoved(mm, entry), (Member) done[0]);
        }
    }
}
