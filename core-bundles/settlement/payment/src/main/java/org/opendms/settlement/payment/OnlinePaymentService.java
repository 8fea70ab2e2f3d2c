package org.opendms.settlement.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.settlement.api.payment.Notification;
import org.opendms.settlement.api.payment.NotificationOutcome;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePaymentStatus;
import org.opendms.settlement.api.payment.OnlinePayments;
import org.opendms.settlement.api.payment.PaymentOrder;
import org.opendms.settlement.api.payment.PaymentProvider;
import org.opendms.settlement.api.payment.PaymentScene;
import org.opendms.settlement.api.payment.ProviderFailure;
import org.opendms.settlement.api.payment.ProviderPayment;
import org.opendms.settlement.api.payment.ProviderState;
import org.opendms.settlement.api.payment.RefundOrder;
import org.opendms.settlement.api.payment.VerifiedNotification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online payments over the drivers. The provider is asked outside any transaction; what it reports goes through
 * {@link PaymentLedger#report}, which changes a payment at most once; a payment that is PAID and pays the whole
 * outstanding amount then becomes the document's tender through {@link Settlements#pay}, whose refusal of a
 * transaction number taken before is the second guard against paying twice.
 */
@Component(service = { OnlinePayments.class, SettlementListener.class })
public class OnlinePaymentService implements OnlinePayments, SettlementListener {

    private static final Logger LOG = LoggerFactory.getLogger(OnlinePaymentService.class);
    private static final Duration EXPIRY = Duration.ofMinutes(30);
    private static final int REASON_MAX = 200;

    @Reference(target = "(osgi.unit.name=dms-payment)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.settlement.payment)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    /**
     * Got on first use, not at activation: the settlement service tells this one (a listener) of its documents, and
     * each getting the other while being created was a cycle the framework logged as an ERROR on some starts.
     */
    @Reference(service = Settlements.class)
    ComponentServiceObjects<Settlements> settlementService;
    volatile Settlements settlements;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<PaymentProvider> providers = List.of();

    PaymentLedger ledger;
    RefundLedger refunds;

    @Activate
    void activate() {
        ledger = new PaymentLedger(jpa, clock, audit);
        refunds = new RefundLedger(ledger);
    }

    @Override
    public OnlinePayment start(long settlementId, String provider, PaymentScene scene, BigDecimal amount,
            String authCode, Actor actor) {
        permissions.require(actor, "settlement.online.start");
        PaymentProvider driver = provider(provider);
        if (scene == null) {
            throw DmsException.invalid("scene", "required", "请选择扫码或付款码", "choose NATIVE_QR or PAYMENT_CODE");
        }
        String code = authCode == null ? null : authCode.strip();
        if (scene == PaymentScene.PAYMENT_CODE && (code == null || !code.matches("\\d{10,32}"))) {
            throw DmsException.invalid("authCode", "format", "付款码应为 10–32 位数字（扫顾客手机上的付款码）",
                    "the payment code is 10 to 32 digits, scanned from the customer's phone");
        }
        Settlement s = document(settlementId);
        if (s.status() != SettlementStatus.OPEN) {
            throw DmsException.conflict("settlementId", "settlement.not_open", "结算单 " + s.number() + " “"
                    + s.status().zh() + "”，不能收款",
                    "document " + s.number() + " is " + s.status()
                            + "; it takes no payment");
        }
        BigDecimal due = s.outstanding();
        BigDecimal value = amount == null ? due : amount;
        if (value.signum() <= 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2
                || value.compareTo(due) > 0) {
            throw DmsException.invalid("amount", "range", "在线支付金额须大于 0、最多两位小数、不超过应收 " + due + " 元",
                    "the amount must be more than 0, in fen, and at most the " + due + " outstanding");
        }
        value = value.setScale(2);
        OnlinePayment p = ledger.create(settlementId, driver.code(), driver.tenderMethod(), scene, value, actor);
        ProviderPayment answer;
        try {
            answer = driver.create(new PaymentOrder(p.number(), Fen.of(value), "维修结算 " + s.number(), scene, code,
                    clock.now().plus(EXPIRY)));
        } catch (ProviderFailure f) {
            return failedStart(p, f, actor);
        }
        ledger.started(p.id(), answer.codeUrl(), answer.detail());
        return take(p.id(), answer, actor);
    }

    private Settlements settlements() {
        Settlements s = settlements;
        if (s == null) {
            s = settlementService.getService(); // released with this component
            settlements = s;
        }
        return s;
    }

    /** The document to pay; its absence named as the field the cashier sent. */
    private Settlement document(long settlementId) {
        try {
            return settlements().get(settlementId);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.notFound("settlementId", "结算单 " + settlementId + " 不存在",
                        "no document " + settlementId);
            }
            throw e;
        }
    }

    /** Could not be asked: stays PENDING (it may have been taken); refused: CLOSED. Either way the cashier hears. */
    private OnlinePayment failedStart(OnlinePayment p, ProviderFailure f, Actor actor) {
        if (ProviderFailure.UNREACHABLE.equals(f.code())) {
            ledger.started(p.id(), null, "unreachable: " + f.getMessage());
            throw new DmsException(DmsException.Kind.UNAVAILABLE,
                    List.of(new Violation("provider", "provider.unreachable",
                            "支付平台暂时无法连接；在线支付 " + p.number() + " 待查询结果",
                            "the provider cannot be reached; refresh online payment "
                                    + p.number() + " to learn whether it was paid")));
        }
        ledger.report(p.id(), new ProviderPayment(p.number(), ProviderState.FAILED, null, null, null, null,
                f.code() + ": " + f.getMessage()), actor);
        throw DmsException.conflict("provider", "provider.refused", "支付平台拒绝：" + f.getMessage(),
                "the provider refused: " + f.getMessage());
    }

    @Override
    public OnlinePayment get(long id, Actor actor) {
        permissions.require(actor, "settlement.online.read");
        return ledger.find(id).orElseThrow(() -> DmsException.notFound("id", "没有这笔在线支付", "no such online payment"));
    }

    @Override
    public List<OnlinePayment> forSettlement(long settlementId, Actor actor) {
        permissions.require(actor, "settlement.online.read");
        return ledger.forSettlement(settlementId);
    }

    @Override
    public OnlinePayment refresh(long id, Actor actor) {
        permissions.require(actor, "settlement.online.start");
        OnlinePayment p = get(id, actor);
        if (p.status() == OnlinePaymentStatus.PENDING) {
            ProviderPayment answer;
            try {
                answer = provider(p.provider()).query(p.number());
            } catch (ProviderFailure f) {
                throw unavailable(f, "支付平台查询失败：", "the provider could not say: ");
            }
            return take(id, answer, actor);
        }
        applyIfWhole(p);
        return get(id, actor);
    }

    @Override
    public OnlinePayment close(long id, Actor actor) {
        permissions.require(actor, "settlement.online.start");
        OnlinePayment p = get(id, actor);
        if (p.status() != OnlinePaymentStatus.PENDING) {
            throw DmsException.conflict("status", "payment.not_pending",
                    "在线支付 " + p.number() + " 已不是待支付状态，不能关单",
                    "online payment " + p.number() + " is no longer pending and cannot be closed");
        }
        ProviderPayment answer;
        try {
            answer = provider(p.provider()).close(p.number());
        } catch (ProviderFailure f) {
            throw unavailable(f, "支付平台未能关单：", "the provider did not close it: ");
        }
        if (answer.state() == ProviderState.PENDING) {
            throw DmsException.conflict("provider", "payment.still_pending", "支付平台仍显示待支付，请稍后再试",
                    "the provider still shows the payment pending; try again shortly");
        }
        return take(id, answer, actor);
    }

    @Override
    public NotificationOutcome notify(String provider, Notification notification) {
        PaymentProvider driver = providers.stream().filter(d -> d.code().equalsIgnoreCase(provider)).findFirst()
                .orElseThrow(() -> DmsException.notFound("provider", "没有该支付平台", "no such payment provider"));
        VerifiedNotification v;
        try {
            v = driver.verify(notification);
        } catch (ProviderFailure f) {
            ledger.notification(driver.code(), null, null, NotificationOutcome.REFUSED,
                    f.code() + ": " + f.getMessage());
            LOG.warn("{} notification refused: {} {}", driver.code(), f.code(), f.getMessage());
            throw DmsException.invalid("signature", "notification." + f.code(), "通知未通过验签，未做任何修改",
                    "the notification did not verify; nothing changed");
        }
        String number = v.payment().outTradeNo();
        OnlinePayment p = number == null ? null : ledger.byNumber(number).orElse(null);
        if (p == null || !p.provider().equals(driver.code())) {
            ledger.notification(driver.code(), v.notificationId(), number, NotificationOutcome.MISMATCH,
                    "no such payment");
            return NotificationOutcome.MISMATCH;
        }
        PaymentLedger.Change c = ledger.report(p.id(), v.payment(), providerActor(driver.code()));
        ledger.notification(driver.code(), v.notificationId(), number, c.outcome(), v.eventType() + ": " + c.detail());
        applyIfWhole(c.payment());
        return c.outcome();
    }

    /** What the provider reported applied, and a paid payment made a tender where it pays the whole document. */
    private OnlinePayment take(long id, ProviderPayment answer, Actor actor) {
        PaymentLedger.Change c = ledger.report(id, answer, actor);
        if (c.outcome() == NotificationOutcome.MISMATCH) {
            LOG.warn("online payment {}: the provider's answer does not match: {}", c.payment().number(), c.detail());
        }
        applyIfWhole(c.payment());
        return ledger.find(id).orElseThrow();
    }

    /**
     * A PAID payment of the whole outstanding amount becomes the document's tender. One that pays part waits for the
     * cashier to take the rest, naming its transaction number as the tender's reference ({@link #settled}).
     */
    void applyIfWhole(OnlinePayment p) {
        if (p.status() != OnlinePaymentStatus.PAID) {
            return;
        }
        Actor actor = providerActor(p.provider());
        Settlement s = settlements().get(p.settlementId());
        if (hasTender(s, p)) {
            ledger.applied(p.id(), actor);
            return;
        }
        if (s.status() != SettlementStatus.OPEN || s.outstanding().compareTo(p.amount()) != 0) {
            return;
        }
        try {
            settlements().pay(s.id(), s.version(), List.of(new org.opendms.settlement.api.TenderDraft(p.tenderMethod(),
                    p.amount(), null, p.transactionId())), actor);
            ledger.applied(p.id(), actor);
        } catch (DmsException e) {
            // a concurrent report paid it first (the transaction number is taken), or the cashier did meanwhile
            if (hasTender(settlements().get(s.id()), p)) {
                ledger.applied(p.id(), actor);
            } else {
                LOG.warn("online payment {} is paid but not applied to {}: {}", p.number(), s.number(),
                        e.getMessage());
            }
        }
    }

    private static boolean hasTender(Settlement s, OnlinePayment p) {
        return s.tenders().stream().anyMatch(t -> p.tenderMethod().equals(t.method())
                && p.transactionId().equals(t.reference()));
    }

    /** The cashier took the rest of a document an online payment paid part of: that payment is now its tender. */
    @Override
    public void settled(SettlementEvent event) {
        for (OnlinePayment p : ledger.forSettlement(event.settlementId())) {
            applyIfWhole(p);
        }
    }

    /**
     * A reversal (红冲) gives the reversed document's online payments back the way they came: what is not yet refunded,
     * through their provider, in the manager's name. A refund the provider refuses is recorded as failed and logged;
     * the manager gives it again by hand ({@link #refund}).
     */
    @Override
    public void reversed(SettlementEvent event) {
        if (event.reversalOfId() == null) {
            return;
        }
        Actor manager = new Actor(event.by(), Set.of(Roles.MANAGER), Channel.SYSTEM);
        for (OnlinePayment p : ledger.forSettlement(event.reversalOfId())) {
            BigDecimal rest = p.amount().subtract(p.refunded());
            if (p.status() != OnlinePaymentStatus.APPLIED && p.status() != OnlinePaymentStatus.PAID
                    || rest.signum() <= 0) {
                continue;
            }
            try {
                refund(p.id(), rest, "红冲 " + event.number() + " 原路退回", manager);
            } catch (DmsException e) {
                LOG.warn("Online payment {} of reversed settlement {} not refunded: {}", p.number(),
                        event.reversalOfId(), e.getMessage());
            }
        }
    }

    @Override
    public OnlinePayment refund(long id, BigDecimal amount, String reason, Actor actor) {
        permissions.require(actor, "settlement.online.refund");
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw DmsException.invalid("amount", "range", "退款金额须大于 0、最多两位小数",
                    "the refund must be more than 0, in fen");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw DmsException.invalid("reason", "required", "请填写退款原因（最多 200 字）",
                    "give the reason for the refund (at most 200 characters)");
        }
        OnlinePayment p = get(id, actor);
        PaymentProvider driver = provider(p.provider());
        RefundLedger.Reserved r = refunds.reserve(id, amount.setScale(2), why, actor);
        try {
            return refunds.answered(r, driver.refund(new RefundOrder(p.number(), r.number(), Fen.of(amount.setScale(2)),
                    Fen.of(p.amount()), why)));
        } catch (ProviderFailure f) {
            refunds.failed(r, f.code() + ": " + f.getMessage(), actor);
            throw DmsException.conflict("provider", "provider." + f.code(), "支付平台未受理退款：" + f.getMessage(),
                    "the provider did not take the refund: " + f.getMessage());
        }
    }

    @Override
    public List<ProviderOption> providers() {
        return providers.stream().sorted(Comparator.comparing(PaymentProvider::code))
                .map(d -> new ProviderOption(d.code(), d.nameZh(), d.nameEn(), d.tenderMethod())).toList();
    }

    private PaymentProvider provider(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return providers.stream().filter(d -> d.code().equals(wanted)).findFirst()
                .orElseThrow(() -> DmsException.invalid("provider", "unknown", "没有该在线支付平台：" + wanted
                        + "（可用：" + providers().stream().map(ProviderOption::code).toList() + "）",
                        "no online payment provider " + wanted + " (running: "
                                + providers().stream().map(ProviderOption::code).toList() + ")"));
    }

    /** The provider could not be reached or did not do it: nothing changed, naming the provider. */
    private static DmsException unavailable(ProviderFailure f, String zh, String en) {
        return new DmsException(DmsException.Kind.UNAVAILABLE, List.of(new Violation("provider", "provider." + f.code(),
                zh + f.getMessage(), en + f.getMessage())));
    }

    /** Who changes a payment on the provider's word: recorded as the provider, allowed to take the payment. */
    static Actor providerActor(String provider) {
        return new Actor(provider.toLowerCase(Locale.ROOT), Set.of(Roles.ADMIN), Channel.SYSTEM);
    }
}
