package org.opendms.settlement.impl;

import static org.opendms.settlement.impl.Writes.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.settlement.api.event.StatementIssuedEvent;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.CreditReceipt;
import org.opendms.settlement.api.CreditStatement;
import org.opendms.settlement.api.CreditStatements;
import org.opendms.settlement.api.StatementEntry;
import org.opendms.settlement.api.TenderMethods;

/**
 * Monthly statements (对账单), receipts against them (回款) and ageing (账龄). Everything is read from the on-account
 * tenders and the receipts, so a statement and the ageing always agree with the account's balance.
 */
final class StatementBook {

    private final JpaSettlements svc;

    StatementBook(JpaSettlements svc) {
        this.svc = svc;
    }

    /** An on-account tender as the account sees it. */
    record Charge(long settlementId, String number, String workOrderNumber, LocalDateTime at, BigDecimal amount) {
    }

    // ---------------------------------------------------------------- statements

    CreditStatement issue(long customerId, String period, Actor actor) {
        svc.permissions.require(actor, "settlement.statement.issue");
        YearMonth month = month(period);
        CreditAccount account = svc.ofCustomer(customerId);
        boolean[] issued = new boolean[1];
        try {
            CreditStatement statement = write(() -> svc.jpa.txExpr(em -> {
                issued[0] = false;
                StatementEntity st = find(em, customerId, month);
                if (st != null) {
                    return view(em, st); // asked again: the same statement
                }
                st = new StatementEntity();
                st.customerId = customerId;
                st.period = month.toString();
                st.issuedAt = Stored.utc(svc.now());
                st.issuedBy = actor.username();
                em.persist(st);
                em.flush();
                CreditStatement made = view(em, st);
                svc.audit.record(em, actor, "credit-statement", st.id, null,
                        Map.of("customerId", customerId, "customerName", account.customerName(), "period",
                                st.period));
                issued[0] = true;
                return made;
            }), "对账单", "the statement");
            if (issued[0]) {
                svc.tellAll(SettlementListener::statementIssued,
                        new StatementIssuedEvent(statement, svc.now(), actor.username()),
                        "statement " + statement.id());
            }
            return statement;
        } catch (DmsException e) {
            // two cashiers asked at the same moment: the other one made it
            CreditStatement other = svc.jpa.txExpr(em -> {
                StatementEntity st = find(em, customerId, month);
                return st == null ? null : view(em, st);
            });
            if (other == null) {
                throw e;
            }
            return other;
        }
    }

    private YearMonth month(String period) {
        YearMonth month = null;
        try {
            month = period != null && period.strip().matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(period.strip())
                    : null;
        } catch (DateTimeParseException e) {
            // refused below
        }
        if (month == null) {
            throw DmsException.invalid("period", "format", "月份格式为 yyyy-MM，例如 2026-12",
                    "a month is written yyyy-MM, e.g. 2026-12");
        }
        if (month.isAfter(YearMonth.from(svc.clock.today()))) {
            throw DmsException.invalid("period", "future", "不能为尚未开始的月份出对账单",
                    "a month that has not begun has no statement");
        }
        return month;
    }

    private static StatementEntity find(EntityManager em, long customerId, YearMonth month) {
        return em.createQuery("SELECT s FROM StatementEntity s WHERE s.customerId = :c AND s.period = :p",
                StatementEntity.class).setParameter("c", customerId).setParameter("p", month.toString())
                .getResultStream().findFirst().orElse(null);
    }

    CreditStatement statement(long id) {
        return svc.jpa.txExpr(em -> view(em, statementRow(em, id)));
    }

    private static StatementEntity statementRow(EntityManager em, long id) {
        StatementEntity st = em.find(StatementEntity.class, id);
        if (st == null) {
            throw DmsException.notFound("statementId", "对账单 " + id + " 不存在", "no statement " + id);
        }
        return st;
    }

    List<CreditStatement> statements(long customerId) {
        svc.ofCustomer(customerId);
        return svc.jpa.txExpr(em -> em
                .createQuery("SELECT s FROM StatementEntity s WHERE s.customerId = :c ORDER BY s.period DESC",
                        StatementEntity.class)
                .setParameter("c", customerId).getResultList().stream().map(st -> view(em, st)).toList());
    }

    /** The statement's figures as of now. */
    private CreditStatement view(EntityManager em, StatementEntity st) {
        CreditAccountEntity a = em.find(CreditAccountEntity.class, st.customerId);
        YearMonth month = YearMonth.parse(st.period);
        LocalDateTime from = Stored.utc(month.atDay(1).atStartOfDay(svc.clock.zone()).toInstant());
        LocalDateTime to = Stored.utc(month.plusMonths(1).atDay(1).atStartOfDay(svc.clock.zone()).toInstant());
        BigDecimal opening = Billing.ZERO;
        BigDecimal charged = Billing.ZERO;
        BigDecimal received = Billing.ZERO;
        List<StatementEntry> documents = new ArrayList<>();
        for (Charge c : charges(em, st.customerId)) {
            if (c.at().isBefore(from)) {
                opening = opening.add(c.amount());
            } else if (c.at().isBefore(to)) {
                charged = charged.add(c.amount());
                documents.add(new StatementEntry(c.settlementId(), c.number(), c.workOrderNumber(),
                        Stored.instant(c.at()), c.amount()));
            }
        }
        BigDecimal against = Billing.ZERO;
        List<CreditReceipt> receipts = new ArrayList<>();
        for (ReceiptEntity r : receipts(em, st.customerId)) {
            if (r.receivedAt.isBefore(from)) {
                opening = opening.subtract(r.amount);
            } else if (r.receivedAt.isBefore(to)) {
                received = received.add(r.amount);
            }
            if (r.statementId == st.id) {
                against = against.add(r.amount);
                receipts.add(receipt(r));
            }
        }
        return new CreditStatement(st.id, st.customerId, a.customerName, st.period,
                month.atEndOfMonth().plusDays(a.termsDays), opening, charged, received,
                opening.add(charged).subtract(received), charged.subtract(against), documents, receipts,
                Stored.instant(st.issuedAt), st.issuedBy);
    }

    static CreditReceipt receipt(ReceiptEntity r) {
        return new CreditReceipt(r.id, r.statementId, r.customerId, r.method, r.amount, r.reference,
                Stored.instant(r.receivedAt), r.receivedBy);
    }

    static List<Charge> charges(EntityManager em, long customerId) {
        return em.createQuery("SELECT t.settlementId, s.number, s.workOrderNumber, t.createdAt, t.amount"
                + " FROM TenderEntity t, SettlementEntity s WHERE s.id = t.settlementId AND s.customerId = :c"
                + " AND t.method = :m ORDER BY t.createdAt, t.id", Object[].class).setParameter("c", customerId)
                .setParameter("m", TenderMethods.ON_ACCOUNT).getResultList().stream()
                .map(r -> new Charge((Long) r[0], (String) r[1], (String) r[2], (LocalDateTime) r[3],
                        (BigDecimal) r[4]))
                .toList();
    }

    static List<ReceiptEntity> receipts(EntityManager em, long customerId) {
        return em.createQuery("SELECT r FROM ReceiptEntity r WHERE r.customerId = :c ORDER BY r.receivedAt, r.id",
                ReceiptEntity.class).setParameter("c", customerId).getResultList();
    }

    // ---------------------------------------------------------------- receipts

    CreditReceipt receive(long statementId, String method, BigDecimal amount, String reference, Actor actor) {
        svc.permissions.require(actor, "settlement.credit.receive");
        List<Violation> wrong = new ArrayList<>();
        String m = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        String ref = clean(reference, Integer.MAX_VALUE);
        if (!amount(amount)) {
            wrong.add(new Violation("amount", "invalid", "回款金额须大于 0，最多两位小数",
                    "a receipt is more than 0 with at most 2 decimals"));
        }
        if (!TenderMethods.CASH.equals(m) && !CreditStatements.TRANSFER.equals(m)) {
            wrong.add(new Violation("method", "unknown", "回款方式为现金（CASH）或转账（TRANSFER）",
                    "a receipt is paid by CASH or TRANSFER"));
        }
        if (CreditStatements.TRANSFER.equals(m) && ref == null) {
            wrong.add(new Violation("reference", "required", "请填写银行转账流水号",
                    "the bank's transfer number is required"));
        }
        if (ref != null && ref.length() > REFERENCE_MAX) {
            wrong.add(new Violation("reference", "too_long", "参考号最多 " + REFERENCE_MAX + " 个字符",
                    "a reference has at most " + REFERENCE_MAX + " characters"));
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        LocalDateTime at = Stored.utc(svc.now());
        return write(() -> svc.jpa.txExpr(em -> {
            svc.cashUps.requireOpen(em, actor);
            StatementEntity st = statementRow(em, statementId);
            // the account's row is the lock: two receipts, or a receipt and a charge, take turns
            CreditAccountEntity a = em.find(CreditAccountEntity.class, st.customerId, LockModeType.PESSIMISTIC_WRITE);
            CreditAccount before = Records.account(a);
            CreditStatement now = view(em, st);
            if (amount.compareTo(now.owed()) > 0) {
                throw DmsException.conflict("amount", "statement.overpaid",
                        "对账单 " + st.period + " 尚欠 " + now.owed() + " 元，回款 " + amount.setScale(2) + " 元超出欠款",
                        "statement " + st.period + " owes " + now.owed() + "; a receipt of " + amount.setScale(2)
                                + " is more than that");
            }
            ReceiptEntity r = new ReceiptEntity();
            r.statementId = st.id;
            r.customerId = st.customerId;
            r.method = m;
            r.amount = amount.setScale(2);
            r.reference = ref;
            r.receivedAt = at;
            r.receivedBy = actor.username();
            em.persist(r);
            a.balance = a.balance.subtract(r.amount);
            a.version++;
            a.updatedAt = at;
            a.updatedBy = actor.username();
            em.flush();
            CreditReceipt out = receipt(r);
            svc.audit.record(em, actor, "credit-receipt", r.id, null, out);
            svc.audit.record(em, actor, "credit-account", a.customerId, before, Records.account(a));
            return out;
        }), "回款", "the receipt");
    }

    // ---------------------------------------------------------------- ageing

    Ageing ageing(long customerId) {
        svc.ofCustomer(customerId);
        return svc.jpa.txExpr(em -> ageing(em, em.find(CreditAccountEntity.class, customerId)));
    }

    List<Ageing> ageing() {
        return svc.jpa.txExpr(em -> em.createQuery("SELECT a FROM CreditAccountEntity a ORDER BY a.customerId",
                CreditAccountEntity.class).getResultList().stream().map(a -> ageing(em, a)).toList());
    }

    /**
     * What each month still owes (its charges less the receipts against its statement), a credit paying the oldest
     * month first, put in buckets by days past the month's due date.
     */
    Ageing ageing(EntityManager em, CreditAccountEntity a) {
        TreeMap<YearMonth, BigDecimal> owed = new TreeMap<>();
        for (Charge c : charges(em, a.customerId)) {
            owed.merge(YearMonth.from(Stored.instant(c.at()).atZone(svc.clock.zone())), c.amount(), BigDecimal::add);
        }
        Map<Long, YearMonth> periods = new HashMap<>();
        for (ReceiptEntity r : receipts(em, a.customerId)) {
            YearMonth m = periods.computeIfAbsent(r.statementId,
                    id -> YearMonth.parse(em.find(StatementEntity.class, id).period));
            owed.merge(m, r.amount.negate(), BigDecimal::add);
        }
        BigDecimal credit = Billing.ZERO;
        for (Entry<YearMonth, BigDecimal> e : owed.entrySet()) {
            if (e.getValue().signum() < 0) {
                credit = credit.add(e.getValue().negate());
                e.setValue(Billing.ZERO);
            }
        }
        LocalDate today = svc.clock.today();
        BigDecimal[] buckets = { Billing.ZERO, Billing.ZERO, Billing.ZERO, Billing.ZERO, Billing.ZERO };
        for (Entry<YearMonth, BigDecimal> e : owed.entrySet()) {
            BigDecimal left = e.getValue();
            BigDecimal used = left.min(credit);
            left = left.subtract(used);
            credit = credit.subtract(used);
            long late = ChronoUnit.DAYS.between(e.getKey().atEndOfMonth().plusDays(a.termsDays), today);
            int b = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            buckets[b] = buckets[b].add(left);
        }
        BigDecimal total = buckets[0].add(buckets[1]).add(buckets[2]).add(buckets[3]).add(buckets[4]);
        boolean overdue = total.subtract(buckets[0]).signum() > 0;
        return new Ageing(a.customerId, a.customerName, today, buckets[0], buckets[1], buckets[2], buckets[3],
                buckets[4], total, overdue);
    }
}
