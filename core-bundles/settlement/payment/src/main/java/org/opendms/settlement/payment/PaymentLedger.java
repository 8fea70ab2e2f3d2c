package org.opendms.settlement.payment;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.settlement.api.payment.NotificationOutcome;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePaymentStatus;
import org.opendms.settlement.api.payment.PaymentScene;
import org.opendms.settlement.api.payment.ProviderPayment;
import org.opendms.settlement.api.payment.ProviderState;

/**
 * The stl_online_* tables: every state change of an online payment in one short transaction with its audit entry.
 * A change of state locks the payment's row first, so a notification, its replays and a query arriving together are
 * applied one after the other and only the first finds anything to change.
 */
final class PaymentLedger {

    static final String AUDIT_TYPE = "online-payment";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DETAIL_MAX = 500;

    private final JpaTemplate jpa;
    private final ShopClock clock;
    private final AuditTrail audit;

    PaymentLedger(JpaTemplate jpa, ShopClock clock, AuditTrail audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
    }

    /** A payment's number (商户订单号) or a refund's: prefix, the shop-local day, 14 random digits; 24 characters. */
    String newNumber(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append(clock.today().format(DAY));
        for (int i = 0; i < 14; i++) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    OnlinePayment create(long settlementId, String provider, String tenderMethod, PaymentScene scene,
            BigDecimal amount, Actor actor) {
        try {
            return createOnce(settlementId, provider, tenderMethod, scene, amount, actor);
        } catch (RuntimeException e) {
            if (!Failures.isUniqueViolation(e, "uq_stl_online_pending")) {
                throw e;
            }
            // another cashier started one for the document at the same moment: theirs is the pending one
            throw DmsException.conflict("settlementId", "online_payment.pending",
                    "该结算单已有待支付的在线支付，请先查询其结果", "the document has an online payment waiting: refresh it first");
        }
    }

    private OnlinePayment createOnce(long settlementId, String provider, String tenderMethod, PaymentScene scene,
            BigDecimal amount, Actor actor) {
        return write(em -> {
            List<PaymentEntity> pending = em.createQuery("SELECT p FROM PaymentEntity p WHERE p.settlementId = :s"
                    + " AND p.status = 'PENDING'", PaymentEntity.class).setParameter("s", settlementId).getResultList();
            if (!pending.isEmpty()) {
                throw DmsException.conflict("settlementId", "online_payment.pending",
                        "该结算单已有待支付的在线支付 " + pending.get(0).number + "，请先查询其结果",
                        "the document has an online payment waiting (" + pending.get(0).number
                                + "): refresh it first");
            }
            PaymentEntity e = new PaymentEntity();
            e.number = newNumber("OP");
            e.settlementId = settlementId;
            e.provider = provider;
            e.tenderMethod = tenderMethod;
            e.scene = scene.name();
            e.amount = amount;
            e.status = OnlinePaymentStatus.PENDING.name();
            e.refunded = BigDecimal.ZERO.setScale(2);
            e.createdAt = Stored.utc(clock.now());
            e.createdBy = actor.username();
            em.persist(e);
            em.flush();
            OnlinePayment after = record(e);
            audit.record(em, actor, AUDIT_TYPE, e.id, null, after);
            return after;
        });
    }

    Optional<OnlinePayment> find(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(PaymentEntity.class, id)).map(PaymentLedger::record));
    }

    Optional<OnlinePayment> byNumber(String number) {
        return jpa.txExpr(em -> em.createQuery("SELECT p FROM PaymentEntity p WHERE p.number = :n", PaymentEntity.class)
                .setParameter("n", number).getResultStream().findFirst().map(PaymentLedger::record));
    }

    List<OnlinePayment> forSettlement(long settlementId) {
        return jpa.txExpr(em -> em.createQuery("SELECT p FROM PaymentEntity p WHERE p.settlementId = :s ORDER BY p.id",
                PaymentEntity.class).setParameter("s", settlementId).getResultStream().map(PaymentLedger::record)
                .toList());
    }

    /** What a report from the provider did to the payment, and the payment after it. */
    record Change(NotificationOutcome outcome, OnlinePayment payment, String detail) {
    }

    /**
     * Applies what the provider reports: PENDING → PAID when it says paid with the payment's amount, PENDING → CLOSED
     * when it closed or refused it. Anything else changes nothing: a second report of the same payment is a
     * DUPLICATE, another amount or a paid report without a transaction number a MISMATCH.
     */
    Change report(long id, ProviderPayment reported, Actor actor) {
        return write(em -> {
            PaymentEntity e = em.find(PaymentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            OnlinePayment before = record(e);
            boolean pending = OnlinePaymentStatus.PENDING.name().equals(e.status);
            ProviderState state = reported.state();
            if (state == ProviderState.PAID) {
                Long fen = reported.amountFen();
                if (fen == null || fen != Fen.of(e.amount)) {
                    return new Change(NotificationOutcome.MISMATCH, before, "amount " + fen + " fen reported, "
                            + Fen.of(e.amount) + " fen asked");
                }
                if (reported.transactionId() == null || reported.transactionId().isBlank()) {
                    return new Change(NotificationOutcome.MISMATCH, before, "paid without a transaction number");
                }
                if (!pending) {
                    boolean same = reported.transactionId().equals(e.transactionId);
                    return new Change(same ? NotificationOutcome.DUPLICATE : NotificationOutcome.MISMATCH, before,
                            same ? "already " + e.status : "paid as " + reported.transactionId() + " but is "
                                    + e.status + " " + e.transactionId);
                }
                e.status = OnlinePaymentStatus.PAID.name();
                e.transactionId = reported.transactionId().strip();
                e.paidAt = Stored.utc(reported.paidAt() == null ? clock.now() : reported.paidAt());
            } else if (state == ProviderState.CLOSED || state == ProviderState.FAILED) {
                if (!pending) {
                    return new Change(NotificationOutcome.DUPLICATE, before, state + " reported, is " + e.status);
                }
                e.status = OnlinePaymentStatus.CLOSED.name();
            } else {
                return new Change(NotificationOutcome.DUPLICATE, before, "still pending");
            }
            e.detail = cut(reported.detail());
            e.version++;
            em.flush();
            OnlinePayment after = record(e);
            audit.record(em, actor, AUDIT_TYPE, e.id, before, after);
            return new Change(NotificationOutcome.APPLIED, after, state.name());
        });
    }

    /** The code URL and the provider's words after a create. */
    OnlinePayment started(long id, String codeUrl, String detail) {
        return write(em -> {
            PaymentEntity e = em.find(PaymentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            e.codeUrl = codeUrl;
            e.detail = cut(detail);
            return record(e);
        });
    }

    /** PAID → APPLIED once the document has the tender; false when another call got there first. */
    boolean applied(long id, Actor actor) {
        return write(em -> {
            PaymentEntity e = em.find(PaymentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!OnlinePaymentStatus.PAID.name().equals(e.status)) {
                return false;
            }
            OnlinePayment before = record(e);
            e.status = OnlinePaymentStatus.APPLIED.name();
            e.appliedAt = Stored.utc(clock.now());
            e.version++;
            em.flush();
            audit.record(em, actor, AUDIT_TYPE, e.id, before, record(e));
            return true;
        });
    }

    /** Keeps a notification and what it did, in a transaction of its own: a refused one is kept too. */
    void notification(String provider, String notificationId, String number, NotificationOutcome outcome,
            String detail) {
        DeadlockRetry.run(() -> jpa.tx(em -> {
            NotificationEntity n = new NotificationEntity();
            n.provider = provider;
            n.notificationId = cut(notificationId, 64);
            n.number = cut(number, 32);
            n.outcome = outcome.name();
            n.detail = cut(detail);
            n.receivedAt = Stored.utc(clock.now());
            em.persist(n);
        }));
    }

    AuditTrail audit() {
        return audit;
    }

    <T> T write(Function<EntityManager, T> change) {
        return DeadlockRetry.write(() -> jpa.txExpr(change::apply));
    }

    static OnlinePayment record(PaymentEntity e) {
        return new OnlinePayment(e.id, e.number, e.settlementId, e.provider, e.tenderMethod,
                PaymentScene.valueOf(e.scene), e.amount, OnlinePaymentStatus.valueOf(e.status), e.codeUrl,
                e.transactionId, e.refunded, e.detail, Stored.instant(e.createdAt), e.createdBy, instant(e.paidAt),
                instant(e.appliedAt), e.version);
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : Stored.instant(at);
    }

    static String cut(String text) {
        return cut(text, DETAIL_MAX);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
