package org.opendms.invoicing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.invoicing.api.InvoiceQuery;
import org.opendms.invoicing.api.InvoiceStatus;
import org.opendms.invoicing.api.Invoices;
import org.opendms.invoicing.api.event.InvoiceEvent;
import org.opendms.invoicing.api.event.InvoiceListener;
import org.opendms.invoicing.api.provider.InvoiceFailure;
import org.opendms.invoicing.api.provider.InvoiceOrder;
import org.opendms.invoicing.api.provider.InvoiceProvider;
import org.opendms.invoicing.api.provider.IssuedInvoice;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoices on JPA over the published settlement API. Every change runs in one transaction of inv_invoice with the
 * audit trail, the row locked; listeners hear after commit. The provider is asked outside any transaction: while it
 * is asked the row carries a claim ({@code issuing_since}), so a second issue of the same request is refused instead
 * of issuing two invoices; a claim left by a crash expires after {@link #CLAIM}, and the retry names the same request
 * number, the provider's idempotency key.
 */
@Component(service = { Invoices.class, SettlementListener.class })
public class JpaInvoices implements Invoices, SettlementListener {

    private static final Logger LOG = LoggerFactory.getLogger(JpaInvoices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final Duration CLAIM = Duration.ofMinutes(10);
    static final int REASON_MAX = 200;
    static final int LIST_MAX = 5_000;
    static final int EXPORT_DAYS_MAX = 366;
    private static final Pattern INVOICE_NUMBER = Pattern.compile("[0-9]{8,20}");
    /** The goods-and-services name of repair work on an invoice (税收分类: 修理修配劳务). */
    static final String ITEM = "*修理修配劳务*汽车维修费";

    @Reference(target = "(osgi.unit.name=dms-invoicing)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.invoicing.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    /** The documents invoiced, read through their published API. */
    @Reference
    Settlements settlements;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<InvoiceListener> listeners = List.of();

    /** 数电票 drivers; with none, the cashier records the number by hand. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<InvoiceProvider> providers = List.of();

    // ---------------------------------------------------------------- requests

    @Override
    public Invoice request(InvoiceDraft draft, Actor actor) {
        permissions.require(actor, "invoice.request");
        if (draft == null) {
            throw DmsException.invalid("settlementId", "required", "请选择要开票的结算单",
                    "choose the settlement document to invoice");
        }
        Violations v = new Violations();
        BuyerCheck.Buyer buyer = BuyerCheck.check(draft, v);
        v.throwIfAny();
        Settlement s = document(draft.settlementId());
        invoiceable(s);
        BigDecimal[] amounts = amounts(s);
        LocalDateTime at = Stored.utc(now());
        Invoice made = write(() -> jpa.txExpr(em -> {
            InvoiceEntity open = open(em, s.id());
            if (open != null) {
                throw exists(open);
            }
            InvoiceEntity e = new InvoiceEntity();
            e.number = "T" + System.nanoTime(); // replaced by the numbered one below, once the id is known
            e.settlementId = s.id();
            e.openKey = s.id();
            e.settlementNumber = s.number();
            e.workOrderId = s.workOrderId();
            e.workOrderNumber = s.workOrderNumber();
            e.customerId = s.customerId();
            e.kind = buyer.kind().name();
            e.status = InvoiceStatus.REQUESTED.name();
            e.buyerName = buyer.name();
            e.taxpayerNumber = buyer.taxpayerNumber();
            e.address = buyer.address();
            e.phone = buyer.phone();
            e.bank = buyer.bank();
            e.bankAccount = buyer.bankAccount();
            e.email = buyer.email();
            e.net = amounts[0];
            e.vatRate = amounts[1];
            e.vat = amounts[2];
            e.total = amounts[3];
            e.requestedAt = at;
            e.requestedBy = actor.username();
            e.version = 1;
            em.persist(e);
            em.flush();
            e.number = "FP" + DAY.format(Stored.instant(at).atZone(clock.zone())) + "-" + String.format("%06d", e.id);
            em.flush();
            Invoice after = view(e);
            audit.record(em, actor, "invoice", e.id, null, after);
            return after;
        }), () -> DmsException.conflict("settlementId", "invoice.exists",
                "结算单 " + s.number() + " 已有开票申请或发票", "document " + s.number() + " already has an invoice"));
        tell(InvoiceListener::requested, made);
        return made;
    }

    /** A document that may be invoiced now: settled, not reversed, paid by someone outside the shop. */
    private static void invoiceable(Settlement s) {
        if (s.isReversal()) {
            throw DmsException.conflict("settlementId", "settlement.reversal",
                    "结算单 " + s.number() + " 是红冲单，不能开票",
                    "document " + s.number() + " is a reversal; it is not invoiced");
        }
        if (s.status() == SettlementStatus.REVERSED) {
            throw DmsException.conflict("settlementId", "settlement.reversed",
                    "结算单 " + s.number() + " 已红冲，不能开票", "document " + s.number() + " was reversed; it is not invoiced");
        }
        if (s.status() != SettlementStatus.SETTLED) {
            throw DmsException.conflict("settlementId", "settlement.not_settled",
                    "结算单 " + s.number() + " “" + s.status().zh() + "”，结清后才能开票",
                    "document " + s.number() + " is " + s.status() + "; it is invoiced once settled");
        }
        if (s.payer() == Payer.INTERNAL || s.payer() == Payer.GOODWILL) {
            throw DmsException.conflict("settlementId", "settlement.no_buyer",
                    "结算单 " + s.number() + " 由本店承担（" + s.payer().zh() + "），不开发票",
                    "document " + s.number() + " is borne by the shop (" + s.payer() + "); it is not invoiced");
        }
        if (s.payable().signum() <= 0) {
            throw DmsException.conflict("settlementId", "settlement.nothing_to_invoice",
                    "结算单 " + s.number() + " 没有应付金额，不开发票",
                    "document " + s.number() + " has nothing to pay; it is not invoiced");
        }
    }

    /**
     * The invoice's amounts from the document, as the customer paid it: net, rate, VAT, total. A rounded document's
     * total is its payable, split back into net and VAT at its rate.
     */
    static BigDecimal[] amounts(Settlement s) {
        if (s.rounding() == null || s.rounding().signum() == 0) {
            return new BigDecimal[] { s.net(), s.vatRate(), s.vat(), s.gross() };
        }
        BigDecimal total = s.payable().setScale(2, RoundingMode.HALF_UP);
        BigDecimal net = total.divide(BigDecimal.ONE.add(s.vatRate()), 2, RoundingMode.HALF_UP);
        return new BigDecimal[] { net, s.vatRate(), total.subtract(net), total };
    }

    private Settlement document(long settlementId) {
        try {
            return settlements.get(settlementId);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.notFound("settlementId", "结算单 " + settlementId + " 不存在",
                        "no settlement document " + settlementId);
            }
            throw e;
        }
    }

    private static InvoiceEntity open(EntityManager em, long settlementId) {
        return em.createQuery("SELECT i FROM InvoiceEntity i WHERE i.openKey = :s", InvoiceEntity.class)
                .setParameter("s", settlementId).getResultStream().findFirst().orElse(null);
    }

    private static DmsException exists(InvoiceEntity open) {
        InvoiceStatus st = InvoiceStatus.valueOf(open.status);
        return DmsException.conflict("settlementId", "invoice.exists",
                "结算单 " + open.settlementNumber + " 已有" + st.zh() + "的发票申请 " + open.number
                        + (open.invoiceNumber == null ? "" : "（发票号码 " + open.invoiceNumber + "）")
                        + "；作废或取消后才能重新申请",
                "document " + open.settlementNumber + " already has invoice " + open.number + " (" + st
                        + "); void or cancel it before asking again");
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Invoice get(long id, Actor actor) {
        permissions.require(actor, "invoice.read");
        return jpa.txExpr(em -> view(find(em, id, false)));
    }

    @Override
    public List<Invoice> list(InvoiceQuery query, Actor actor) {
        permissions.require(actor, "invoice.read");
        return query(query == null ? new InvoiceQuery(null, null, null, null) : query);
    }

    @Override
    public List<Invoice> export(LocalDate from, LocalDate to, InvoiceStatus status, Actor actor) {
        permissions.require(actor, "invoice.export");
        Violations v = new Violations();
        if (from == null) {
            v.add("from", "required", "请指定起始日期", "the first day is required");
        }
        if (to == null) {
            v.add("to", "required", "请指定截止日期", "the last day is required");
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                v.add("to", "before_from", "截止日期不能早于起始日期", "the last day is before the first");
            } else if (ChronoUnit.DAYS.between(from, to) >= EXPORT_DAYS_MAX) {
                v.add("to", "too_long", "一次最多导出 " + EXPORT_DAYS_MAX + " 天", "at most " + EXPORT_DAYS_MAX
                        + " days at a time");
            }
        }
        v.throwIfAny();
        return query(new InvoiceQuery(from, to, status, null));
    }

    private List<Invoice> query(InvoiceQuery q) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM InvoiceEntity i WHERE 1 = 1");
        if (q.settlementId() != null) {
            jpql.append(" AND i.settlementId = :s");
        } else {
            if (q.from() != null) {
                jpql.append(" AND i.requestedAt >= :f");
            }
            if (q.to() != null) {
                jpql.append(" AND i.requestedAt < :t");
            }
        }
        if (q.status() != null) {
            jpql.append(" AND i.status = :st");
        }
        jpql.append(" ORDER BY i.id");
        return jpa.txExpr(em -> {
            TypedQuery<InvoiceEntity> tq = em.createQuery(jpql.toString(), InvoiceEntity.class);
            if (q.settlementId() != null) {
                tq.setParameter("s", q.settlementId());
            } else {
                if (q.from() != null) {
                    tq.setParameter("f", Stored.utc(q.from().atStartOfDay(clock.zone()).toInstant()));
                }
                if (q.to() != null) {
                    tq.setParameter("t", Stored.utc(q.to().plusDays(1).atStartOfDay(clock.zone()).toInstant()));
                }
            }
            if (q.status() != null) {
                tq.setParameter("st", q.status().name());
            }
            return tq.setMaxResults(LIST_MAX).getResultList().stream().map(JpaInvoices::view).toList();
        });
    }

    @Override
    public String provider() {
        InvoiceProvider p = current();
        return p == null ? null : p.code();
    }

    private InvoiceProvider current() {
        return providers.stream().min(Comparator.comparing(InvoiceProvider::code)).orElse(null);
    }

    // ---------------------------------------------------------------- issuing

    @Override
    public Invoice issue(long id, long expectedVersion, String invoiceNumber, LocalDate invoiceDate, Actor actor) {
        permissions.require(actor, "invoice.issue");
        InvoiceProvider provider = current();
        String number = BuyerCheck.clean(invoiceNumber);
        LocalDate today = clock.today();
        Violations v = new Violations();
        if (provider != null && number != null) {
            v.add("invoiceNumber", "provider_issues", "发票由开票平台 " + provider.code() + " 开具，不能手工填写号码",
                    "invoices are issued through " + provider.code() + "; no number is typed");
        } else if (provider == null && number == null) {
            v.add("invoiceNumber", "required", "请填写税务软件开出的发票号码", "enter the invoice number the tax software gave");
        } else if (number != null && !INVOICE_NUMBER.matcher(number).matches()) {
            v.add("invoiceNumber", "format", "发票号码应为 8–20 位数字（数电票 20 位）",
                    "the invoice number is 8 to 20 digits (20 for a digital invoice)");
        }
        if (invoiceDate != null && invoiceDate.isAfter(today)) {
            v.add("invoiceDate", "future", "开票日期不能晚于今天", "the invoice date cannot be after today");
        }
        v.throwIfAny();
        LocalDate date = invoiceDate == null ? today : invoiceDate;
        InvoiceEntity seen = jpa.txExpr(em -> find(em, id, false));
        StaleVersion.check(seen.version, expectedVersion, "发票申请 " + seen.number, "invoice request " + seen.number);
        Settlement s = document(seen.settlementId);
        if (s.status() == SettlementStatus.REVERSED) {
            throw DmsException.conflict("settlementId", "settlement.reversed",
                    "结算单 " + s.number() + " 已红冲，不能开票；请取消该申请", "document " + s.number()
                            + " was reversed; it is not invoiced: cancel the request");
        }
        if (provider == null) {
            return applyIssue(id, expectedVersion, number, date, Invoice.MANUAL, actor, false);
        }
        claim(id, expectedVersion, actor);
        IssuedInvoice issued;
        try {
            issued = provider.issue(order(seen));
        } catch (RuntimeException f) {
            release(id);
            String code = f instanceof InvoiceFailure inv ? inv.code() : InvoiceFailure.UNREACHABLE;
            LOG.warn("invoice {}: provider {} did not issue: {} {}", seen.number, provider.code(), code,
                    f.getMessage());
            if (InvoiceFailure.REFUSED.equals(code)) {
                throw DmsException.conflict("provider", "provider.refused",
                        "开票平台拒绝开票：" + f.getMessage() + "；申请仍为待开票",
                        "the invoice provider refused: " + f.getMessage() + "; the request stays REQUESTED");
            }
            throw new DmsException(DmsException.Kind.UNAVAILABLE, List.of(new Violation("provider",
                    "provider.unreachable", "开票平台暂时无法连接，未开票；请稍后再试",
                    "the invoice provider cannot be reached; nothing was issued, try again later")));
        }
        if (issued == null || issued.invoiceNumber() == null || issued.invoiceDate() == null) {
            release(id);
            throw DmsException.conflict("provider", "provider.malformed", "开票平台没有返回发票号码和日期",
                    "the invoice provider answered no number and date");
        }
        return applyIssue(id, expectedVersion, issued.invoiceNumber(), issued.invoiceDate(), provider.code(), actor,
                true);
    }

    private InvoiceOrder order(InvoiceEntity e) {
        return new InvoiceOrder(e.number, e.kind, e.buyerName, e.taxpayerNumber, e.address, e.phone, e.bank,
                e.bankAccount, e.email, ITEM, e.net, e.vatRate, e.vat, e.total);
    }

    /** Marks the request as being issued through the provider, or refuses when it cannot be issued now. */
    private void claim(long id, long expectedVersion, Actor actor) {
        LocalDateTime at = Stored.utc(now());
        write(() -> jpa.txExpr(em -> {
            InvoiceEntity e = find(em, id, true);
            requireIssuable(e, expectedVersion, at);
            e.issuingSince = at;
            e.issuingBy = actor.username();
            return null;
        }), () -> StaleVersion.refusal("发票申请", "the invoice request"));
    }

    private void release(long id) {
        try {
            DeadlockRetry.run(() -> jpa.tx(em -> {
                InvoiceEntity e = find(em, id, true);
                e.issuingSince = null;
                e.issuingBy = null;
            }));
        } catch (RuntimeException e) {
            LOG.warn("invoice request {}: the claim stays until it expires: {}", id, e.toString());
        }
    }

    private void requireIssuable(InvoiceEntity e, long expectedVersion, LocalDateTime at) {
        if (!InvoiceStatus.REQUESTED.name().equals(e.status)) {
            InvoiceStatus st = InvoiceStatus.valueOf(e.status);
            throw DmsException.conflict("status", "invoice.not_requested",
                    "发票申请 " + e.number + " “" + st.zh() + "”" + (e.invoiceNumber == null ? ""
                            : "（发票号码 " + e.invoiceNumber + "）") + "，不能再开票",
                    "invoice request " + e.number + " is " + st + (e.invoiceNumber == null ? ""
                            : " (invoice " + e.invoiceNumber + ")") + "; it is not issued again");
        }
        if (e.issuingSince != null && e.issuingSince.isAfter(at.minus(CLAIM))) {
            throw DmsException.conflict("status", "invoice.issuing",
                    "发票申请 " + e.number + " 正由 " + e.issuingBy + " 经开票平台开具，请稍后刷新",
                    "invoice request " + e.number + " is being issued by " + e.issuingBy
                            + " through the provider; refresh in a moment");
        }
        StaleVersion.check(e.version, expectedVersion, "发票申请 " + e.number, "invoice request " + e.number);
    }

    private Invoice applyIssue(long id, long expectedVersion, String number, LocalDate date, String via, Actor actor,
            boolean claimed) {
        LocalDateTime at = Stored.utc(now());
        Invoice issued = write(() -> jpa.txExpr(em -> {
            InvoiceEntity e = find(em, id, true);
            if (claimed) {
                StaleVersion.check(e.version, expectedVersion, "发票申请 " + e.number, "invoice request " + e.number);
            } else {
                requireIssuable(e, expectedVersion, at);
            }
            Long taken = em.createQuery("SELECT i.id FROM InvoiceEntity i WHERE i.invoiceNumber = :n", Long.class)
                    .setParameter("n", number).getResultStream().findFirst().orElse(null);
            if (taken != null) {
                throw numberTaken(number);
            }
            Invoice before = view(e);
            e.status = InvoiceStatus.ISSUED.name();
            e.invoiceNumber = number;
            e.invoiceDate = date;
            e.issuedVia = via;
            e.issuedAt = at;
            e.issuedBy = actor.username();
            e.issuingSince = null;
            e.issuingBy = null;
            e.version++;
            em.flush();
            Invoice after = view(e);
            audit.record(em, actor, "invoice", e.id, before, after);
            return after;
        }), () -> numberTaken(number));
        tell(InvoiceListener::issued, issued);
        return issued;
    }

    private static DmsException numberTaken(String number) {
        return DmsException.conflict("invoiceNumber", "invoice.number_taken", "发票号码 " + number + " 已登记在另一张发票上",
                "invoice number " + number + " is recorded on another invoice");
    }

    // ---------------------------------------------------------------- voiding and cancelling

    @Override
    public Invoice voidInvoice(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "invoice.void");
        String why = reason(reason, true);
        InvoiceEntity seen = jpa.txExpr(em -> find(em, id, false));
        requireStatus(seen, InvoiceStatus.ISSUED, "作废", "voided");
        StaleVersion.check(seen.version, expectedVersion, "发票 " + seen.number, "invoice " + seen.number);
        InvoiceProvider issuer = providers.stream().filter(p -> p.code().equals(seen.issuedVia)).findFirst()
                .orElse(null);
        if (issuer != null) {
            try {
                issuer.voidInvoice(seen.invoiceNumber, seen.number, why);
            } catch (RuntimeException f) {
                throw DmsException.conflict("provider", "provider.refused", "开票平台未能作废发票：" + f.getMessage(),
                        "the invoice provider did not void the invoice: " + f.getMessage());
            }
        }
        LocalDateTime at = Stored.utc(now());
        Invoice voided = write(() -> jpa.txExpr(em -> {
            InvoiceEntity e = find(em, id, true);
            requireStatus(e, InvoiceStatus.ISSUED, "作废", "voided");
            StaleVersion.check(e.version, expectedVersion, "发票 " + e.number, "invoice " + e.number);
            return close(em, e, InvoiceStatus.VOIDED, why, at, actor);
        }), () -> StaleVersion.refusal("发票", "the invoice"));
        tell(InvoiceListener::voided, voided);
        return voided;
    }

    @Override
    public Invoice cancel(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "invoice.cancel");
        String why = reason(reason, false);
        LocalDateTime at = Stored.utc(now());
        return write(() -> jpa.txExpr(em -> {
            InvoiceEntity e = find(em, id, true);
            requireIssuable(e, expectedVersion, at);
            return close(em, e, InvoiceStatus.CANCELLED, why, at, actor);
        }), () -> StaleVersion.refusal("发票申请", "the invoice request"));
    }

    private Invoice close(EntityManager em, InvoiceEntity e, InvoiceStatus to, String why, LocalDateTime at,
            Actor actor) {
        Invoice before = view(e);
        e.status = to.name();
        e.openKey = null;
        e.reason = why;
        e.closedAt = at;
        e.closedBy = actor.username();
        e.version++;
        em.flush();
        Invoice after = view(e);
        audit.record(em, actor, "invoice", e.id, before, after);
        return after;
    }

    private static void requireStatus(InvoiceEntity e, InvoiceStatus wanted, String zh, String en) {
        if (!wanted.name().equals(e.status)) {
            InvoiceStatus st = InvoiceStatus.valueOf(e.status);
            throw DmsException.conflict("status", "invoice.not_" + wanted.name().toLowerCase(java.util.Locale.ROOT),
                    "发票申请 " + e.number + " “" + st.zh() + "”，只有" + wanted.zh() + "的才能" + zh,
                    "invoice request " + e.number + " is " + st + "; only " + wanted + " ones are " + en);
        }
    }

    private static String reason(String reason, boolean required) {
        String why = BuyerCheck.clean(reason);
        if (why == null && required) {
            throw DmsException.invalid("reason", "required", "请填写作废原因", "give the reason for voiding");
        }
        if (why != null && why.codePointCount(0, why.length()) > REASON_MAX) {
            throw DmsException.invalid("reason", "too_long", "原因最多 " + REASON_MAX + " 个字",
                    "a reason has at most " + REASON_MAX + " characters");
        }
        return why;
    }

    // ---------------------------------------------------------------- the settlement's word

    /** A reversed document's invoice is flagged: an ISSUED one must be voided, a REQUESTED one is not issued. */
    @Override
    public void reversed(SettlementEvent event) {
        if (event.reversalOfId() == null) {
            return;
        }
        long doc = event.reversalOfId();
        DeadlockRetry.run(() -> jpa.tx(em -> {
            for (InvoiceEntity e : em.createQuery("SELECT i FROM InvoiceEntity i WHERE i.openKey = :s",
                    InvoiceEntity.class).setParameter("s", doc).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()) {
                Invoice before = view(e);
                e.settlementReversed = true;
                e.version++;
                em.flush();
                audit.record(em, Actor.system(), "invoice", e.id, before, view(e));
                LOG.info("invoice {} ({}): settlement document {} was reversed", e.number, e.status,
                        e.settlementNumber);
            }
        }));
    }

    // ---------------------------------------------------------------- shared

    private static InvoiceEntity find(EntityManager em, long id, boolean lock) {
        InvoiceEntity e = lock ? em.find(InvoiceEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(InvoiceEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "发票申请 " + id + " 不存在", "no invoice request " + id);
        }
        return e;
    }

    static Invoice view(InvoiceEntity e) {
        return new Invoice(e.id, e.number, e.settlementId, e.settlementNumber, e.workOrderId, e.workOrderNumber,
                e.customerId, InvoiceKind.valueOf(e.kind), InvoiceStatus.valueOf(e.status), e.buyerName,
                e.taxpayerNumber, e.address, e.phone, e.bank, e.bankAccount, e.email, e.net, e.vatRate, e.vat, e.total,
                e.invoiceNumber, e.invoiceDate, e.issuedVia, e.reason, e.settlementReversed,
                Stored.instant(e.requestedAt), e.requestedBy, Stored.instant(e.issuedAt), e.issuedBy,
                Stored.instant(e.closedAt), e.closedBy, e.version);
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A write in one transaction, run again after a deadlock; a clash only the database saw (a unique key: two
     * requests of one document, one invoice number twice) is the given CONFLICT, nothing written.
     */
    static <T> T write(Supplier<T> work, Supplier<DmsException> onDuplicate) {
        try {
            return DeadlockRetry.write(work);
        } catch (DmsException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DeadlockRetry.hasState(e, "23505")) {
                throw onDuplicate.get();
            }
            if (StaleVersion.isOptimisticLock(e) || e instanceof PersistenceException
                    && DeadlockRetry.hasState(e, "40001")) {
                throw StaleVersion.refusal("发票申请", "the invoice request");
            }
            throw e;
        }
    }

    private void tell(BiConsumer<InvoiceListener, InvoiceEvent> method, Invoice i) {
        List<InvoiceListener> ls = listeners;
        if (ls.isEmpty()) {
            return;
        }
        InvoiceEvent event = new InvoiceEvent(i.id(), i.number(), i.settlementId(), i.workOrderId(), i.customerId(),
                i.kind().name(), i.total(), i.invoiceNumber(), now(), lastBy(i));
        AfterCommit.tell(ls, method, event, "invoice " + i.id());
    }

    private static String lastBy(Invoice i) {
        return i.closedBy() != null ? i.closedBy() : i.issuedBy() != null ? i.issuedBy() : i.requestedBy();
    }
}
