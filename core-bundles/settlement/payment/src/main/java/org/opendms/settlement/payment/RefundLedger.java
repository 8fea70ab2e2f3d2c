package org.opendms.settlement.payment;

import java.math.BigDecimal;

import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePaymentStatus;
import org.opendms.settlement.api.payment.ProviderRefund;

/**
 * Refunds of online payments. The amount is reserved on the payment (refunded += amount) before the provider is asked,
 * under the payment's row lock, so two refunds at once can never give back more than was paid; a refund the provider
 * refuses releases it again.
 */
final class RefundLedger {

    private final PaymentLedger ledger;

    RefundLedger(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    /** A refund reserved: its row and the payment as it was before. */
    record Reserved(long refundId, String number, OnlinePayment payment) {
    }

    Reserved reserve(long paymentId, BigDecimal amount, String reason, Actor actor) {
        return ledger.write(em -> {
            PaymentEntity e = em.find(PaymentEntity.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw DmsException.notFound("id", "没有这笔在线支付", "no such online payment");
            }
            OnlinePaymentStatus s = OnlinePaymentStatus.valueOf(e.status);
            if (s != OnlinePaymentStatus.PAID && s != OnlinePaymentStatus.APPLIED) {
                throw DmsException.conflict("status", "online_payment.not_paid",
                        "在线支付 " + e.number + " 未收到款项（" + s + "），无可退",
                        "online payment " + e.number + " took no money (" + s + "): nothing to refund");
            }
            BigDecimal left = e.amount.subtract(e.refunded);
            if (amount.compareTo(left) > 0) {
                throw DmsException.invalid("amount", "over_refundable", "退款 " + amount + " 元超过可退金额 " + left + " 元",
                        "a refund of " + amount + " is more than the " + left + " left to refund");
            }
            OnlinePayment before = PaymentLedger.record(e);
            e.refunded = e.refunded.add(amount);
            e.version++;
            RefundEntity r = new RefundEntity();
            r.paymentId = e.id;
            r.number = ledger.newNumber("RF");
            r.amount = amount;
            r.reason = reason;
            r.status = "REQUESTED";
            r.createdAt = Stored.utcNow();
            r.createdBy = actor.username();
            em.persist(r);
            em.flush();
            ledgerAudit(em, actor, e, before);
            return new Reserved(r.id, r.number, before);
        });
    }

    /** The provider's answer: the refund PROCESSING or SUCCEEDED. */
    OnlinePayment answered(Reserved reserved, ProviderRefund answer) {
        return ledger.write(em -> {
            RefundEntity r = em.find(RefundEntity.class, reserved.refundId(), LockModeType.PESSIMISTIC_WRITE);
            r.status = answer.succeeded() ? "SUCCEEDED" : "PROCESSING";
            r.refundId = PaymentLedger.cut(answer.refundId(), 64);
            r.detail = PaymentLedger.cut(answer.detail());
            return PaymentLedger.record(em.find(PaymentEntity.class, r.paymentId));
        });
    }

    /** The provider refused or could not be asked: the refund FAILED and its amount released. */
    void failed(Reserved reserved, String detail, Actor actor) {
        ledger.write(em -> {
            RefundEntity r = em.find(RefundEntity.class, reserved.refundId(), LockModeType.PESSIMISTIC_WRITE);
            r.status = "FAILED";
            r.detail = PaymentLedger.cut(detail);
            PaymentEntity e = em.find(PaymentEntity.class, r.paymentId, LockModeType.PESSIMISTIC_WRITE);
            OnlinePayment before = PaymentLedger.record(e);
            e.refunded = e.refunded.subtract(r.amount);
            e.version++;
            em.flush();
            ledgerAudit(em, actor, e, before);
            return null;
        });
    }

    private void ledgerAudit(javax.persistence.EntityManager em, Actor actor, PaymentEntity e, OnlinePayment before) {
        ledger.audit().record(em, actor, PaymentLedger.AUDIT_TYPE, e.id, before, PaymentLedger.record(e));
    }
}
