package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.CreditAccounts;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Deposits;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.settlement.api.TenderOption;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlement on JPA: documents per payer, payments in several tenders, reversals, deposits and credit accounts. Every
 * change runs in one transaction of the settlement's tables with the audit trail; listeners hear after commit.
 */
@Component(service = { Settlements.class, Deposits.class,
        CreditAccounts.class }, configurationPid = SettlementConfig.PID)
@Designate(ocd = SettlementConfig.class)
public class JpaSettlements implements Settlements, Deposits, CreditAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(JpaSettlements.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int REASON_MAX = 200;
    private static final int REFERENCE_MAX = 64;
    private static final int TENDERS_MAX = 10;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final Set<String> DEPOSIT_METHODS = Set.of(TenderMethods.CASH, TenderMethods.BANK_CARD,
            TenderMethods.WECHAT, TenderMethods.ALIPAY);

    @Reference(target = "(osgi.unit.name=dms-settlement)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.settlement.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    /** The work order settled, read through its published API. */
    @Reference
    WorkOrders workOrders;

    /** A credit account is only for a company customer. */
    @Reference
    CustomerService customers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<SettlementListener> listeners = List.of();

    /** Tenders plugins add (stored value, points, coupons). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<TenderProvider> providers = List.of();

    volatile Billing.Rules rules = Billing.Rules.DEFAULTS;

    @Activate
    @Modified
    void configure(SettlementConfig config) {
        rules = rules(config);
    }

    /** The configuration as rules; a value that does not parse keeps its default, logged. */
    static Billing.Rules rules(SettlementConfig config) {
        Billing.Rules d = Billing.Rules.DEFAULTS;
        BigDecimal share = share(config.discountLimitShare(), "discountLimitShare", d.discountLimitShare());
        BigDecimal fee = share(config.handlingFeeRate(), "handlingFeeRate", d.handlingFeeRate());
        BigDecimal limit = share(config.roundingLimit(), "roundingLimit", d.roundingLimit(), new BigDecimal("100"));
        Set<Payer> payers = EnumSet.noneOf(Payer.class);
        try {
            for (String p : config.handlingFeePayers().split(",")) {
                if (!p.isBlank()) {
                    payers.add(Payer.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.error("handlingFeePayers '{}' in {} is not a list of payers; using {}", config.handlingFeePayers(),
                    SettlementConfig.PID, d.handlingFeePayers());
            payers = d.handlingFeePayers();
        }
        return new Billing.Rules(share, fee, Set.copyOf(payers), limit);
    }

    private static BigDecimal share(String raw, String key, BigDecimal fallback) {
        return share(raw, key, fallback, BigDecimal.ONE);
    }

    private static BigDecimal share(String raw, String key, BigDecimal fallback, BigDecimal max) {
        try {
            BigDecimal v = new BigDecimal(raw.strip());
            if (v.signum() >= 0 && v.compareTo(max) <= 0) {
                return v;
            }
        } catch (RuntimeException e) {
            // logged below
        }
        LOG.error("{} '{}' in {} is not a number from 0 to {}; using {}", key, raw, SettlementConfig.PID, max,
                fallback);
        return fallback;
    }

    // ---------------------------------------------------------------- settling

    @Override
    public List<Settlement> settle(SettleRequest request, Actor actor) {
        permissions.require(actor, "settlement.settle");
        if (request == null) {
            throw DmsException.invalid("workOrderId", "required", "请选择要结算的工单", "choose the work order to settle");
        }
        WorkOrder wo = workOrders.get(request.workOrderId());
        if (wo.status() != WorkOrderStatus.COMPLETED && wo.status() != WorkOrderStatus.DELIVERED) {
            throw DmsException.conflict("workOrderId", "workorder.not_completed",
                    "工单 " + wo.number() + " “" + wo.status().zh() + "”，完工后才能结算",
                    "work order " + wo.number() + " is " + wo.status() + "; it is settled once COMPLETED");
        }
        Billing.Rules r = rules;
        List<Billing.Draft> drafts = Billing.bill(wo, request, r);
        boolean mayApprove = permissions.allows(actor, "settlement.discount.approve");
        Instant now = now();
        LocalDateTime at = Stored.utc(now);
        List<Settlement> made = write(() -> jpa.txExpr(em -> {
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
                    audit.record(em, actor, "settlement", e.id, trail(before), trail(Records.load(em, e)));
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
                e.number = number(now, e.id);
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
                em.flush();
                Settlement s = Records.load(em, e);
                audit.record(em, actor, "settlement", e.id, null, trail(s));
                out.add(s);
            }
            return out;
        }), "工单 " + wo.number() + " 的结算", "the settlement of work order " + wo.number());
        for (Settlement s : made) {
            if (s.status() == SettlementStatus.SETTLED) {
                tell(SettlementListener::settled, s, now, actor);
            }
        }
        return made;
    }

    private String number(Instant now, long id) {
        return "JS" + DAY.format(now.atZone(clock.zone())) + "-" + String.format("%06d", id);
    }

    private static List<SettlementEntity> bills(EntityManager em, long workOrderId, int round) {
        return em.createQuery("SELECT s FROM SettlementEntity s WHERE s.workOrderId = :wo AND s.round = :r"
                + " AND s.kind = 'B' ORDER BY s.id", SettlementEntity.class).setParameter("wo", workOrderId)
                .setParameter("r", round).getResultList();
    }

    @Override
    public Settlement get(long id) {
        return jpa.txExpr(em -> Records.load(em, find(em, id, false)));
    }

    @Override
    public List<Settlement> forWorkOrder(long workOrderId) {
        return jpa.txExpr(em -> em
                .createQuery("SELECT s FROM SettlementEntity s WHERE s.workOrderId = :wo ORDER BY s.id",
                        SettlementEntity.class)
                .setParameter("wo", workOrderId).getResultList().stream().map(e -> Records.load(em, e)).toList());
    }

    private static SettlementEntity find(EntityManager em, long id, boolean lock) {
        SettlementEntity e = lock ? em.find(SettlementEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SettlementEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "结算单 " + id + " 不存在", "no settlement document " + id);
        }
        return e;
    }

    @Override
    public Settlement approveDiscount(long id, long expectedVersion, Actor actor) {
        permissions.require(actor, "settlement.discount.approve");
        LocalDateTime at = Stored.utc(now());
        return write(() -> jpa.txExpr(em -> {
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
            audit.record(em, actor, "settlement", e.id, trail(before), trail(after));
            return after;
        }), "结算单", "the document");
    }

    // ---------------------------------------------------------------- paying

    /** A plugin tender taken within a payment that may still fail: cancelled then. */
    private record Taken(TenderProvider provider, TenderContext context, String reference) {
    }

    @Override
    public Settlement pay(long id, long expectedVersion, List<TenderDraft> tenders, Actor actor) {
        permissions.require(actor, "settlement.pay");
        Map<String, TenderProvider> plugins = pluginTenders();
        checkTenders(tenders, plugins);
        boolean mayOverLimit = permissions.allows(actor, "settlement.credit.over-limit");
        Instant now = now();
        LocalDateTime at = Stored.utc(now);
        List<Taken> taken = new ArrayList<>();
        Settlement paid;
        try {
            paid = write(() -> jpa.txExpr(em -> {
                taken.clear(); // a deadlock retry starts over
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
                    case TenderMethods.DEPOSIT -> te.depositId = useDeposit(em, e, te.reference, amount, field);
                    case TenderMethods.ON_ACCOUNT -> {
                        te.approvedBy = charge(em, e, amount, field, mayOverLimit, actor, at);
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
                audit.record(em, actor, "settlement", e.id, trail(before), trail(after));
                return after;
            }), "结算单", "the document");
        } catch (RuntimeException | Error failure) {
            for (Taken t : taken) {
                try {
                    t.provider().cancel(t.context(), t.reference());
                } catch (RuntimeException e) {
                    LOG.error("tender {} could not cancel {} of document {} after the payment failed",
                            t.provider().method(), t.reference(), id, e);
                }
            }
            throw failure;
        }
        tell(SettlementListener::settled, paid, now, actor);
        return paid;
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
    private static void takeTxn(EntityManager em, String method, String reference, String field, LocalDateTime at) {
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

    private static long useDeposit(EntityManager em, SettlementEntity doc, String reference, BigDecimal amount,
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

    /** On account (挂账); over the limit only for the manager, whose name is kept on the tender. */
    private static String charge(EntityManager em, SettlementEntity doc, BigDecimal amount, String field,
            boolean mayOverLimit, Actor actor, LocalDateTime at) {
        CreditAccountEntity a = em.find(CreditAccountEntity.class, doc.customerId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.active) {
            throw DmsException.conflict(field + ".method", "credit.no_account", "该客户没有挂账账户",
                    "the customer has no credit account");
        }
        BigDecimal after = a.balance.add(amount);
        String approvedBy = null;
        if (after.compareTo(a.creditLimit) > 0) {
            if (!mayOverLimit) {
                throw DmsException.conflict(field + ".amount", "credit.over_limit",
                        "挂账后欠款 " + after + " 元超出信用额度 " + a.creditLimit + " 元，需经理批准",
                        "on account the balance would be " + after + ", over the limit of " + a.creditLimit
                                + "; the manager must approve");
            }
            approvedBy = actor.username();
        }
        a.balance = after;
        a.version++;
        a.updatedAt = at;
        a.updatedBy = actor.username();
        return approvedBy;
    }

    private Map<String, TenderProvider> pluginTenders() {
        return providers.stream().filter(p -> !TenderMethods.CORE.contains(p.method().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toMap(p -> p.method().toUpperCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
    }

    @Override
    public List<TenderOption> tenderOptions() {
        List<TenderOption> out = new ArrayList<>(List.of(new TenderOption(TenderMethods.CASH, "现金", "Cash", false),
                new TenderOption(TenderMethods.WECHAT, "微信支付", "WeChat Pay", false),
                new TenderOption(TenderMethods.ALIPAY, "支付宝", "Alipay", false),
                new TenderOption(TenderMethods.BANK_CARD, "银行卡", "Bank card", false),
                new TenderOption(TenderMethods.DEPOSIT, "订金", "Deposit", false),
                new TenderOption(TenderMethods.ON_ACCOUNT, "挂账", "On account", false)));
        pluginTenders().forEach((m, p) -> out.add(new TenderOption(m, p.nameZh(), p.nameEn(), true)));
        return out;
    }

    // ---------------------------------------------------------------- reversing

    @Override
    public Settlement reverse(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "settlement.reverse");
        String why = clean(reason, Integer.MAX_VALUE);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明红冲原因", "say why the document is reversed");
        }
        if (why.length() > REASON_MAX) {
            throw DmsException.invalid("reason", "too_long", "红冲原因最多 " + REASON_MAX + " 个字",
                    "a reason has at most " + REASON_MAX + " characters");
        }
        Map<String, TenderProvider> plugins = pluginTenders();
        Instant now = now();
        LocalDateTime at = Stored.utc(now);
        Settlement[] original = new Settlement[1];
        Settlement reversal = write(() -> jpa.txExpr(em -> {
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
            r.number = number(now, r.id);
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
            audit.record(em, actor, "settlement", e.id, trail(before), trail(original[0]));
            Settlement made = Records.load(em, r);
            audit.record(em, actor, "settlement", r.id, null, trail(made));
            return made;
        }), "结算单", "the document");
        tell(SettlementListener::reversed, reversal, now, actor);
        return reversal;
    }

    // ---------------------------------------------------------------- delivery

    @Override
    public void allowDeliveryUnpaid(long workOrderId, String reason, Actor actor) {
        permissions.require(actor, "settlement.pay-later");
        String why = clean(reason, Integer.MAX_VALUE);
        if (why == null || why.length() > REASON_MAX) {
            throw DmsException.invalid("reason", why == null ? "required" : "too_long",
                    "请写明先交车后付款的原因（最多 " + REASON_MAX + " 字）",
                    "say why the car may leave unpaid (at most " + REASON_MAX + " characters)");
        }
        WorkOrder wo = workOrders.get(workOrderId);
        LocalDateTime at = Stored.utc(now());
        write(() -> jpa.txExpr(em -> {
            PayLaterEntity p = new PayLaterEntity();
            p.workOrderId = wo.id();
            p.reason = why;
            p.allowedBy = actor.username();
            p.allowedAt = at;
            em.persist(p);
            em.flush();
            audit.record(em, actor, "settlement-pay-later", wo.id(), null,
                    Map.of("workOrder", wo.number(), "reason", why));
            return null;
        }), "工单", "the work order");
    }

    @Override
    public List<Violation> deliveryRefusals(long workOrderId) {
        return jpa.txExpr(em -> {
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

    // ---------------------------------------------------------------- deposits

    @Override
    public Deposit take(long workOrderId, BigDecimal amount, String method, String reference, Actor actor) {
        permissions.require(actor, "settlement.deposit.take");
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
        WorkOrder wo = workOrders.get(workOrderId);
        if (wo.status().isFinal()) {
            throw DmsException.conflict("workOrderId", "workorder.final",
                    "工单 " + wo.number() + " “" + wo.status().zh() + "”，不再收订金",
                    "work order " + wo.number() + " is " + wo.status() + "; it takes no deposit");
        }
        LocalDateTime at = Stored.utc(now());
        return write(() -> jpa.txExpr(em -> {
            if (TenderMethods.WECHAT.equals(m) || TenderMethods.ALIPAY.equals(m)) {
                takeTxn(em, m, ref, "", at);
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
            audit.record(em, actor, "deposit", d.id, null, out);
            return out;
        }), "订金", "the deposit");
    }

    @Override
    public List<Deposit> ofWorkOrder(long workOrderId) {
        return jpa.txExpr(em -> em
                .createQuery("SELECT d FROM DepositEntity d WHERE d.workOrderId = :wo ORDER BY d.id",
                        DepositEntity.class)
                .setParameter("wo", workOrderId).getResultList().stream().map(Records::deposit).toList());
    }

    // ---------------------------------------------------------------- credit accounts

    @Override
    public CreditAccount save(long customerId, BigDecimal creditLimit, int termsDays, Long expectedVersion,
            Actor actor) {
        permissions.require(actor, "settlement.credit.edit");
        List<Violation> wrong = new ArrayList<>();
        if (creditLimit == null || creditLimit.signum() < 0 || creditLimit.stripTrailingZeros().scale() > 2
                || creditLimit.compareTo(MAX_AMOUNT) > 0) {
            wrong.add(new Violation("creditLimit", "invalid", "信用额度须为不小于 0 的金额，最多两位小数",
                    "a credit limit is an amount of at least 0 with at most 2 decimals"));
        }
        if (termsDays < 0 || termsDays > 365) {
            wrong.add(new Violation("termsDays", "invalid", "账期为 0 到 365 天", "terms are 0 to 365 days"));
        }
        Customer c = customers.get(customerId);
        if (c.type() != CustomerType.COMPANY) {
            wrong.add(new Violation("customerId", "not_company", "只有单位客户可以挂账",
                    "only company customers have credit accounts"));
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        LocalDateTime at = Stored.utc(now());
        return write(() -> jpa.txExpr(em -> {
            CreditAccountEntity a = em.find(CreditAccountEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE);
            CreditAccount before = a == null ? null : Records.account(a);
            if (a == null) {
                if (expectedVersion != null) {
                    throw DmsException.notFound("customerId", "该客户没有挂账账户", "the customer has no credit account");
                }
                a = new CreditAccountEntity();
                a.customerId = customerId;
                a.balance = Billing.ZERO;
                a.active = true;
                a.version = 1;
                em.persist(a);
            } else {
                if (expectedVersion == null) {
                    throw DmsException.conflict("customerId", "credit.exists", "该客户已有挂账账户",
                            "the customer already has a credit account");
                }
                StaleVersion.check(a.version, expectedVersion, "挂账账户", "the credit account");
                a.version++;
            }
            a.customerName = c.name();
            a.creditLimit = creditLimit.setScale(2);
            a.termsDays = termsDays;
            a.updatedAt = at;
            a.updatedBy = actor.username();
            em.flush();
            CreditAccount after = Records.account(a);
            audit.record(em, actor, "credit-account", customerId, before, after);
            return after;
        }), "挂账账户", "the credit account");
    }

    @Override
    public CreditAccount ofCustomer(long customerId) {
        return jpa.txExpr(em -> {
            CreditAccountEntity a = em.find(CreditAccountEntity.class, customerId);
            if (a == null) {
                throw DmsException.notFound("customerId", "该客户没有挂账账户", "the customer has no credit account");
            }
            return Records.account(a);
        });
    }

    @Override
    public List<CreditAccount> all() {
        return jpa.txExpr(em -> em.createQuery("SELECT a FROM CreditAccountEntity a ORDER BY a.customerId",
                CreditAccountEntity.class).getResultList().stream().map(Records::account).toList());
    }

    // ---------------------------------------------------------------- shared

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A write in one transaction, run again after a deadlock; a clash only the database saw (two cashiers creating
     * the same row) is CONFLICT, nothing written.
     */
    private static <T> T write(java.util.function.Supplier<T> work, String whatZh, String whatEn) {
        try {
            return DeadlockRetry.write(work);
        } catch (DmsException e) {
            throw e;
        } catch (PersistenceException e) {
            if (DeadlockRetry.hasState(e, "23505") || DeadlockRetry.hasState(e, "23503")
                    || StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal(whatZh, whatEn);
            }
            throw e;
        } catch (RuntimeException e) {
            if (DeadlockRetry.hasState(e, "23505") || StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal(whatZh, whatEn);
            }
            throw e;
        }
    }

    /**
     * A document as the audit trail keeps it: without its lines, which are written once with the document and never
     * change (a 50-line bill would otherwise add some 550 entries to the trail).
     */
    static Settlement trail(Settlement s) {
        return new Settlement(s.id(), s.number(), s.workOrderId(), s.workOrderNumber(), s.round(), s.payer(),
                s.customerId(), s.payerName(), s.status(), List.of(), s.labour(), s.parts(), s.sublet(), s.fees(),
                s.handlingFee(), s.discount(), s.discountApprovedBy(), s.net(), s.vatRate(), s.vat(), s.gross(),
                s.roundTo(), s.rounding(), s.payable(), s.paid(), s.onAccount(), s.tenders(), s.reversalOfId(),
                s.reversedById(), s.reason(), s.createdAt(), s.createdBy(), s.settledAt(), s.settledBy(),
                s.version());
    }

    private static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private void tell(java.util.function.BiConsumer<SettlementListener, SettlementEvent> method, Settlement s,
            Instant at, Actor actor) {
        List<SettlementListener> ls = listeners;
        if (ls.isEmpty()) {
            return;
        }
        SettlementEvent event = new SettlementEvent(s.id(), s.number(), s.workOrderId(), s.customerId(), s.payer(),
                s.payable(), s.tenders().stream().map(t -> t.method()).toList(), s.reversalOfId(), at,
                actor.username());
        AfterCommit.tell(ls, method, event, "settlement " + s.id());
    }
}
