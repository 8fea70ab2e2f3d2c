package org.opendms.settlement.impl;

import static org.opendms.settlement.impl.Writes.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.event.CashUpClosedEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.settlement.api.CashTakings;
import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUpStatus;
import org.opendms.settlement.api.CashUpTender;
import org.opendms.settlement.api.TenderMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 交班/日结: a cashier's day is what that cashier took between the shop's midnights — payments and refunds (tenders),
 * deposits and receipts against statements. The manager closes it; after that the cashier takes no more money that
 * day, so a closed day never changes and nothing falls between two days.
 */
final class CashUpBook {

    private static final Logger LOG = LoggerFactory.getLogger(CashUpBook.class);

    private final JpaSettlements svc;

    CashUpBook(JpaSettlements svc) {
        this.svc = svc;
    }

    CashUp of(String cashier, LocalDate day) {
        if (cashier == null || cashier.isBlank() || day == null) {
            throw DmsException.invalid(cashier == null || cashier.isBlank() ? "cashier" : "day", "required",
                    "请指定收银员和日期", "name the cashier and the day");
        }
        return svc.jpa.txExpr(em -> view(em, cashier.strip(), day, row(em, cashier.strip(), day, false)));
    }

    List<CashUp> ofDay(LocalDate day) {
        return svc.jpa.txExpr(em -> em
                .createQuery("SELECT c FROM CashUpEntity c WHERE c.day = :d ORDER BY c.cashier", CashUpEntity.class)
                .setParameter("d", day).getResultList().stream().map(c -> view(em, c.cashier, c.day, c)).toList());
    }

    CashUp count(BigDecimal countedCash, String note, Actor actor) {
        svc.permissions.require(actor, "settlement.cashup.count");
        if (countedCash == null || countedCash.signum() < 0 || countedCash.stripTrailingZeros().scale() > 2
                || countedCash.compareTo(MAX_AMOUNT) > 0) {
            throw DmsException.invalid("countedCash", "invalid", "清点现金须为不小于 0 的金额，最多两位小数",
                    "the cash counted is an amount of at least 0 with at most 2 decimals");
        }
        String why = note(note);
        LocalDateTime at = Stored.utc(svc.now());
        LocalDate day = svc.clock.today();
        return write(() -> svc.jpa.txExpr(em -> {
            CashUpEntity c = row(em, actor.username(), day, true);
            CashUp before = null;
            if (c == null) {
                c = new CashUpEntity();
                c.cashier = actor.username();
                c.day = day;
                c.version = 0;
                em.persist(c);
            } else {
                refuseClosed(c);
                before = view(em, c.cashier, c.day, c);
            }
            c.status = CashUpStatus.COUNTED.name();
            c.countedCash = countedCash.setScale(2);
            c.note = why;
            c.countedAt = at;
            c.version++;
            em.flush();
            CashUp after = view(em, c.cashier, c.day, c);
            svc.audit.record(em, actor, "cash-up", c.id, before, after);
            return after;
        }), "日结", "the cash-up");
    }

    CashUp close(long id, long expectedVersion, String note, Actor actor) {
        svc.permissions.require(actor, "settlement.cashup.close");
        String why = note(note);
        LocalDateTime at = Stored.utc(svc.now());
        CashUp closed = write(() -> svc.jpa.txExpr(em -> {
            CashUpEntity c = em.find(CashUpEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw DmsException.notFound("id", "日结 " + id + " 不存在", "no cash-up " + id);
            }
            refuseClosed(c);
            StaleVersion.check(c.version, expectedVersion, "日结", "the cash-up");
            if (!CashUpStatus.COUNTED.name().equals(c.status)) {
                throw DmsException.conflict("status", "cashup.not_counted", "收银员尚未清点现金，不能日结",
                        "the cashier has not counted the cash; the day cannot be closed");
            }
            CashUp before = view(em, c.cashier, c.day, c);
            if (before.variance().signum() != 0 && why == null && c.note == null) {
                throw DmsException.invalid("note", "required",
                        "现金差额 " + before.variance() + " 元，请写明原因后再日结",
                        "the cash is " + before.variance() + " off; say why before closing");
            }
            for (CashUpTender t : before.expected()) {
                CashUpTenderEntity te = new CashUpTenderEntity();
                te.cashUpId = c.id;
                te.method = t.method();
                te.amount = t.amount();
                te.entries = t.count();
                em.persist(te);
            }
            c.expectedCash = before.expectedCash();
            c.status = CashUpStatus.CLOSED.name();
            if (why != null) {
                c.note = why;
            }
            c.closedAt = at;
            c.closedBy = actor.username();
            c.version++;
            em.flush();
            CashUp after = view(em, c.cashier, c.day, c);
            svc.audit.record(em, actor, "cash-up", c.id, before, after);
            return after;
        }), "日结", "the cash-up");
        svc.tellAll(SettlementListener::cashUpClosed, new CashUpClosedEvent(closed, svc.now(), actor.username()),
                "cash-up " + closed.id());
        return closed;
    }

    /**
     * Called inside every write that takes or gives back money: once the actor's day is closed, refused. The row is
     * locked, so closing waits for a payment in flight and then counts it.
     */
    void requireOpen(EntityManager em, Actor actor) {
        CashUpEntity c = row(em, actor.username(), svc.clock.today(), true);
        if (c != null && CashUpStatus.CLOSED.name().equals(c.status)) {
            throw DmsException.conflict("cashier", "cashup.closed",
                    "收银员 " + c.cashier + " 今日（" + c.day + "）已由 " + c.closedBy + " 日结，不能再收付款；请由其他收银员办理",
                    "the day " + c.day + " of cashier " + c.cashier + " was closed by " + c.closedBy
                            + "; they take no more money today, another cashier does");
        }
    }

    private static void refuseClosed(CashUpEntity c) {
        if (CashUpStatus.CLOSED.name().equals(c.status)) {
            throw DmsException.conflict("status", "cashup.closed",
                    "日结 " + c.cashier + " " + c.day + " 已由 " + c.closedBy + " 关闭，不能再修改",
                    "the cash-up of " + c.cashier + " on " + c.day + " was closed by " + c.closedBy
                            + "; it is never changed");
        }
    }

    private static String note(String note) {
        String why = clean(note, Integer.MAX_VALUE);
        if (why != null && why.length() > REASON_MAX) {
            throw DmsException.invalid("note", "too_long", "备注最多 " + REASON_MAX + " 个字",
                    "a note has at most " + REASON_MAX + " characters");
        }
        return why;
    }

    private static CashUpEntity row(EntityManager em, String cashier, LocalDate day, boolean lock) {
        var q = em.createQuery("SELECT c FROM CashUpEntity c WHERE c.cashier = :u AND c.day = :d",
                CashUpEntity.class).setParameter("u", cashier).setParameter("d", day);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst().orElse(null);
    }

    private CashUp view(EntityManager em, String cashier, LocalDate day, CashUpEntity c) {
        List<CashUpTender> expected;
        if (c != null && CashUpStatus.CLOSED.name().equals(c.status)) {
            expected = em.createQuery("SELECT t FROM CashUpTenderEntity t WHERE t.cashUpId = :id ORDER BY t.method",
                    CashUpTenderEntity.class).setParameter("id", c.id).getResultList().stream()
                    .map(t -> new CashUpTender(t.method, t.amount, t.entries)).toList();
        } else {
            expected = expected(em, cashier, day);
        }
        BigDecimal cash = expected.stream().filter(t -> TenderMethods.CASH.equals(t.method()))
                .map(CashUpTender::amount).findFirst().orElse(Billing.ZERO);
        if (c == null) {
            return new CashUp(0, cashier, day, CashUpStatus.OPEN, expected, cash, null, null, null, null, null, null,
                    0);
        }
        return new CashUp(c.id, c.cashier, c.day, CashUpStatus.valueOf(c.status), expected, cash, c.countedCash,
                c.countedCash == null ? null : c.countedCash.subtract(cash), c.note, Stored.instant(c.countedAt),
                Stored.instant(c.closedAt), c.closedBy, c.version);
    }

    /**
     * Per tender: the cashier's tenders (refunds negative), deposits taken and receipts, in the shop's day, and what
     * plugins took outside settlements (top-ups).
     */
    private List<CashUpTender> expected(EntityManager em, String cashier, LocalDate day) {
        LocalDateTime from = Stored.utc(day.atStartOfDay(svc.clock.zone()).toInstant());
        LocalDateTime to = Stored.utc(day.plusDays(1).atStartOfDay(svc.clock.zone()).toInstant());
        Map<String, Object[]> sums = new TreeMap<>();
        add(sums, em.createQuery("SELECT t.method, SUM(t.amount), COUNT(t) FROM TenderEntity t WHERE t.createdBy = :u"
                + " AND t.createdAt >= :f AND t.createdAt < :t GROUP BY t.method", Object[].class)
                .setParameter("u", cashier).setParameter("f", from).setParameter("t", to).getResultList());
        add(sums, em.createQuery("SELECT d.method, SUM(d.amount), COUNT(d) FROM DepositEntity d WHERE d.takenBy = :u"
                + " AND d.takenAt >= :f AND d.takenAt < :t GROUP BY d.method", Object[].class)
                .setParameter("u", cashier).setParameter("f", from).setParameter("t", to).getResultList());
        add(sums, em.createQuery("SELECT r.method, SUM(r.amount), COUNT(r) FROM ReceiptEntity r"
                + " WHERE r.receivedBy = :u AND r.receivedAt >= :f AND r.receivedAt < :t GROUP BY r.method",
                Object[].class).setParameter("u", cashier).setParameter("f", from).setParameter("t", to)
                .getResultList());
        for (CashTakings plugin : svc.cashTakings) {
            try {
                List<CashUpTender> taken = plugin.takings(cashier, day);
                add(sums, (taken == null ? List.<CashUpTender>of() : taken).stream()
                        .filter(t -> t.method() != null && t.amount() != null)
                        .map(t -> new Object[] { t.method().toUpperCase(Locale.ROOT), t.amount(), t.count() })
                        .toList());
            } catch (RuntimeException e) {
                LOG.warn("{} failed to tell {}'s takings of {}; the day is read without them",
                        plugin.getClass().getName(), cashier, day, e);
            }
        }
        List<CashUpTender> out = new ArrayList<>();
        sums.forEach((m, v) -> out.add(new CashUpTender(m, ((BigDecimal) v[0]).setScale(2), (int) (long) v[1])));
        return out;
    }

    private static void add(Map<String, Object[]> sums, List<Object[]> rows) {
        for (Object[] r : rows) {
            Object[] s = sums.computeIfAbsent((String) r[0], k -> new Object[] { Billing.ZERO, 0L });
            s[0] = ((BigDecimal) s[0]).add((BigDecimal) r[1]);
            s[1] = (long) s[1] + ((Number) r[2]).longValue();
        }
    }
}
