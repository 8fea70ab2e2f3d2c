package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.settlement.api.TenderAvailability;
import org.opendms.settlement.api.TenderOption;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.api.event.SettlementListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.opendms.settlement.impl.Writes.*;

/** Taking a payment in one or several tenders; a plugin tender taken is cancelled when the payment fails. */
final class Paying {

    private static final Logger LOG = LoggerFactory.getLogger(Paying.class);
    private static final int TENDERS_MAX = 10;

    private final JpaSettlements svc;

    Paying(JpaSettlements svc) {
        this.svc = svc;
    }

    /** A plugin tender taken within a payment that may still fail: cancelled then. */
    private record Taken(TenderProvider provider, TenderContext context, String reference) {
    }

    Settlement pay(long id, long expectedVersion, List<TenderDraft> tenders, Actor actor) {
        svc.permissions.require(actor, "settlement.pay");
        Map<String, TenderProvider> plugins = svc.pluginTenders();
        checkTenders(tenders, plugins);
        boolean mayOverLimit = svc.permissions.allows(actor, "settlement.credit.over-limit");
        boolean mayOverdue = svc.permissions.allows(actor, "settlement.credit.overdue");
        Instant now = svc.now();
        LocalDateTime at = Stored.utc(now);
        List<Taken> taken = new ArrayList<>();
        Settlement paid;
        try {
            paid = write(() -> svc.jpa.txExpr(em -> {
                // a deadlock retry starts over: what plugins took in the attempt that failed goes back first (their
                // takes commit on their own, so the retry would otherwise take twice, or find a one-time code used)
                cancel(taken, id);
                taken.clear();
                svc.cashUps.requireOpen(em, actor);
                SettlementEntity e = find(em, id, true);
                StaleVersion.check(e.version, expectedVersion, "结算单 " + e.number, "document " + e.number);
                if (!SettlementStatus.OPEN.name().equals(e.status)) {
                    SettlementStatus s = SettlementStatus.valueOf(e.status);
                    throw DmsException.conflict("status", "settlement.not_open",
                            "结算单 " + e.number + " “" + s.zh() + "”，不能收款",
                            "document " + e.number + " is " + s + "; it takes no payment");
                }
                BigDecimal total = tenders.stream().map(TenderDraft::amount).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                BigDecimal outstanding = e.payable.subtract(e.paid);
                if (total.compareTo(outstanding) != 0) {
                    throw DmsException.invalid("tenders", "sum_mismatch",
                            "各付款方式合计 " + total.setScale(2) + " 元，应收 " + outstanding + " 元",
                            "the tenders add up to " + total.setScale(2) + ", the document asks " + outstanding);
                }
                Settlement before = Records.header(em, e);
                TenderContext context = new TenderContext(e.id, e.number, e.workOrderId, e.customerId,
                        Payer.valueOf(e.payer), e.payable, actor);
                BigDecimal onAccount = BigDecimal.ZERO;
                int seq = 0;
                for (TenderDraft t : tenders) {
                    String field = "tenders[" + seq + "]";
                    String method = t.method().strip().toUpperCase(Locale.ROOT);
                    BigDecimal amount = t.amount().setScale(2);
                    TenderEntity te = new TenderEntity();
                    te.settlementId = e.id;
                    te.seq = ++seq;
                    te.method = method;
                    te.amount = amount;
                    te.reference = t.reference() == null || t.reference().isBlank() ? null : t.reference().strip();
                    te.createdAt = at;
                    te.createdBy = actor.username();
                    switch (method) {
                    case TenderMethods.CASH -> {
                        te.tendered = t.tendered() == null ? amount : t.tendered().setScale(2);
                        te.change = te.tendered.subtract(amount);
                    }
                    case TenderMethods.WECHAT, TenderMethods.ALIPAY -> takeTxn(em, method, te.reference, field, at);
                    case TenderMethods.DEPOSIT -> te.depositId = DepositBook.useDeposit(em, e, te.reference, amount,
                            field);
                    case TenderMethods.ON_ACCOUNT -> {
                        te.approvedBy = svc.credit.charge(em, e, amount, field, mayOverLimit, mayOverdue, te.reference,
                                actor, at);
                        onAccount = onAccount.add(amount);
                    }
                    case TenderMethods.BANK_CARD -> {
                        // the card terminal's slip number, when given, is kept as the reference
                    }
                    default -> {
                        TenderProvider p = plugins.get(method);
                        String ref = p.take(context, amount, te.reference);
                        taken.add(new Taken(p, context, ref));
                        te.reference = clean(ref, 100);
                    }
                    }
                    em.persist(te);
                }
                e.paid = e.paid.add(total).setScale(2);
                e.onAccount = e.onAccount.add(onAccount).setScale(2);
                e.status = SettlementStatus.SETTLED.name();
                e.settledAt = at;
                e.settledBy = actor.username();
                e.version++;
                em.flush();
                Settlement after = Records.load(em, e);
                svc.audit.record(em, actor, "settlement", e.id, trail(before), trail(after));
                return after;
            }), "结算单", "the document");
        } catch (RuntimeException | Error failure) {
            cancel(taken, id);
            throw failure;
        }
        svc.tell(SettlementListener::settled, paid, now, actor);
        return paid;
    }

    /** Gives back what plugins took in a payment that failed (or an attempt of it that is retried). */
    private static void cancel(List<Taken> taken, long id) {
        for (Taken t : taken) {
            try {
                t.provider().cancel(t.context(), t.reference());
            } catch (RuntimeException e) {
                LOG.error("tender {} could not cancel {} of document {} after the payment failed",
                        t.provider().method(), t.reference(), id, e);
            }
        }
    }

    /** Refuses a payment whose tenders are wrong, naming each; before anything is read or written. */
    private void checkTenders(List<TenderDraft> tenders, Map<String, TenderProvider> plugins) {
        if (tenders == null || tenders.isEmpty()) {
            throw DmsException.invalid("tenders", "required", "请至少填写一种付款方式", "give at least one tender");
        }
        if (tenders.size() > TENDERS_MAX) {
            throw DmsException.invalid("tenders", "too_many", "一次收款最多 " + TENDERS_MAX + " 种付款方式",
                    "a payment has at most " + TENDERS_MAX + " tenders");
        }
        List<Violation> wrong = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < tenders.size(); i++) {
            TenderDraft t = tenders.get(i);
            String f = "tenders[" + i + "]";
            if (t == null) {
                wrong.add(new Violation(f, "required", "付款方式不能为空", "a tender is missing"));
                continue;
            }
            String method = t.method() == null ? "" : t.method().strip().toUpperCase(Locale.ROOT);
            if (!TenderMethods.CORE.contains(method) && !plugins.containsKey(method)) {
                wrong.add(new Violation(f + ".method", "unknown", "不支持的付款方式：" + t.method(),
                        "unknown tender method: " + t.method() + " (one of " + TenderMethods.CORE
                                + (plugins.isEmpty() ? "" : " or " + plugins.keySet()) + ")"));
            }
            if (!amount(t.amount())) {
                wrong.add(new Violation(f + ".amount", "invalid", "金额须大于 0，最多两位小数",
                        "an amount is more than 0 with at most 2 decimals"));
            }
            if (t.tendered() != null && !TenderMethods.CASH.equals(method)) {
                wrong.add(new Violation(f + ".tendered", "not_cash", "只有现金填写实收金额",
                        "only cash has an amount tendered"));
            } else if (t.tendered() != null && amount(t.amount())
                    && (!amount(t.tendered()) || t.tendered().compareTo(t.amount()) < 0)) {
                wrong.add(new Violation(f + ".tendered", "too_little", "实收现金不能少于本项金额",
                        "the cash tendered is less than the amount"));
            }
            String ref = t.reference() == null ? "" : t.reference().strip();
            if (ref.length() > REFERENCE_MAX) {
                wrong.add(new Violation(f + ".reference", "too_long", "参考号最多 " + REFERENCE_MAX + " 个字符",
                        "a reference has at most " + REFERENCE_MAX + " characters"));
            }
            if ((TenderMethods.WECHAT.equals(method) || TenderMethods.ALIPAY.equals(method))) {
                if (ref.isEmpty()) {
                    wrong.add(new Violation(f + ".reference", "required", "请填写微信/支付宝的交易单号",
                            "the provider's transaction number is required"));
                } else if (!references.add(method + ":" + ref)) {
                    wrong.add(new Violation(f + ".reference", "duplicate", "同一交易单号填写了两次",
                            "the same transaction number is given twice"));
                }
            }
            if (TenderMethods.DEPOSIT.equals(method) && !ref.matches("[0-9]{1,18}")) {
                wrong.add(new Violation(f + ".reference", "required", "请填写所用订金的编号",
                        "give the number of the deposit used"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
    }

    private static boolean amount(BigDecimal a) {
        return a != null && a.signum() > 0 && a.stripTrailingZeros().scale() <= 2 && a.compareTo(MAX_AMOUNT) <= 0;
    }

    /** A WeChat Pay or Alipay transaction number pays once, ever. */
    static void takeTxn(EntityManager em, String method, String reference, String field, LocalDateTime at) {
        String key = method + ":" + reference;
        if (em.find(ProviderTxnEntity.class, key) != null) {
            throw DmsException.conflict(field + ".reference", "txn.used", "交易单号 " + reference + " 已经收过款",
                    "transaction number " + reference + " has already paid");
        }
        ProviderTxnEntity t = new ProviderTxnEntity();
        t.txn = key;
        t.takenAt = at;
        em.persist(t);
    }

    List<TenderAvailability> availableTenders(long id, Actor actor) {
        svc.permissions.require(actor, "settlement.pay");
        TenderContext context = svc.jpa.txExpr(em -> {
            SettlementEntity e = Writes.find(em, id, false);
            return new TenderContext(e.id, e.number, e.workOrderId, e.customerId, Payer.valueOf(e.payer), e.payable,
                    actor);
        });
        List<TenderAvailability> out = new ArrayList<>();
        svc.pluginTenders().forEach((method, p) -> {
            try {
                p.available(context).ifPresent(a -> out.add(new TenderAvailability(method, p.nameZh(), p.nameEn(),
                        a.setScale(2, java.math.RoundingMode.DOWN))));
            } catch (RuntimeException e) {
                LOG.warn("tender {} could not say what it has for document {}: {}", method, id, e.toString());
            }
        });
        return out;
    }

    List<TenderOption> tenderOptions() {
        List<TenderOption> out = new ArrayList<>(List.of(new TenderOption(TenderMethods.CASH, "现金", "Cash", false),
                new TenderOption(TenderMethods.WECHAT, "微信支付", "WeChat Pay", false),
                new TenderOption(TenderMethods.ALIPAY, "支付宝", "Alipay", false),
                new TenderOption(TenderMethods.BANK_CARD, "银行卡", "Bank card", false),
                new TenderOption(TenderMethods.DEPOSIT, "订金", "Deposit", false),
                new TenderOption(TenderMethods.ON_ACCOUNT, "挂账", "On account", false)));
        svc.pluginTenders().forEach((m, p) -> out.add(new TenderOption(m, p.nameZh(), p.nameEn(), true)));
        return out;
    }
}
