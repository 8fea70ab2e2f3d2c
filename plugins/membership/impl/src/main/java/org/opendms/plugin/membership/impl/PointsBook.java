package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.DmsException;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.Tender;

/**
 * Points arithmetic and every movement of points: the member's balance row locked, the entry written, in the caller's
 * transaction.
 */
final class PointsBook {

    /** Tenders that are not the member's money: what they paid earns no points. */
    static final List<String> NOT_SPEND = List.of("COUNT_CARD", "COUPON", "POINTS");

    private PointsBook() {
    }

    static PointsRuleEntity rules(EntityManager em, String tier) {
        PointsRuleEntity r = em.find(PointsRuleEntity.class, tier);
        return r != null ? r : em.find(PointsRuleEntity.class, "STANDARD");
    }

    /**
     * What a settled bill earns: what the member paid of it (the payable less count cards, coupons and points) split
     * over labour, parts and the rest in the proportion of their nets, each at its rate, rounded down.
     */
    static long earned(Settlement doc, PointsRuleEntity rules) {
        BigDecimal notSpend = doc.tenders().stream().filter(t -> NOT_SPEND.contains(t.method())).map(Tender::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = doc.payable().subtract(notSpend).max(BigDecimal.ZERO);
        BigDecimal labour = BigDecimal.ZERO;
        BigDecimal parts = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (SettlementLine l : doc.lines()) {
            if (l.kind() == LineKind.LABOUR) {
                labour = labour.add(l.net());
            } else if (l.kind() == LineKind.PART) {
                parts = parts.add(l.net());
            } else {
                other = other.add(l.net());
            }
        }
        BigDecimal all = labour.add(parts).add(other);
        if (all.signum() <= 0 || paid.signum() == 0) {
            return 0;
        }
        BigDecimal points = paid.multiply(labour.multiply(rules.labourRate).add(parts.multiply(rules.partsRate))
                .add(other.multiply(rules.otherRate))).divide(all, 4, RoundingMode.DOWN);
        return points.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The last day of points earned on {@code day}: the end of the month {@code months} months later. */
    static LocalDate expiry(LocalDate day, int months) {
        return YearMonth.from(day).plusMonths(months).atEndOfMonth();
    }

    static PointsBalanceEntity lock(EntityManager em, long memberId) {
        PointsBalanceEntity b = em.find(PointsBalanceEntity.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) { // a member who joined before points existed gets the row on first use
            b = new PointsBalanceEntity();
            b.memberId = memberId;
            em.persist(b);
            em.flush();
        }
        return b;
    }

    /** Applies a signed movement; {@code mayGoNegative} only for taking back points a reversed bill had earned. */
    static PointsEntryEntity move(EntityManager em, PointsBalanceEntity b, String kind, long points,
            boolean mayGoNegative, LocalDateTime at, String by) {
        long after = b.points + points;
        if (after < 0 && !mayGoNegative) {
            throw DmsException.invalid("amount", "points.insufficient", "积分不足：现有 " + b.points + " 分",
                    "not enough points: " + b.points);
        }
        b.points = after;
        b.version++;
        PointsEntryEntity e = new PointsEntryEntity();
        e.memberId = b.memberId;
        e.kind = kind;
        e.points = points;
        e.balanceAfter = after;
        e.at = at;
        e.by = by;
        em.persist(e);
        return e;
    }

    /**
     * The points of a member that expire by {@code today}, oldest first: what was added with an expiry before today,
     * less everything consumed so far (consumption takes the oldest points first).
     */
    static long expiring(EntityManager em, long memberId, LocalDate today) {
        Number lots = (Number) em.createQuery("SELECT COALESCE(SUM(e.points), 0) FROM PointsEntryEntity e WHERE"
                + " e.memberId = :m AND e.expiresOn IS NOT NULL AND e.expiresOn < :d").setParameter("m", memberId)
                .setParameter("d", today).getSingleResult();
        Number consumed = (Number) em.createQuery("SELECT COALESCE(SUM(e.points), 0) FROM PointsEntryEntity e WHERE"
                + " e.memberId = :m AND e.expiresOn IS NULL").setParameter("m", memberId).getSingleResult();
        return Math.max(0, lots.longValue() + consumed.longValue());
    }
}
