package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import javax.persistence.EntityManager;

/**
 * The tier rule: a member's spend over the last twelve months (their own settled bills' payable, reversals taken off)
 * against the shop's thresholds, e.g. {@code SILVER:5000,GOLD:20000}; below the first a member is STANDARD. A move
 * up or down is recorded.
 */
final class Tiers {

    static final String STANDARD = "STANDARD";

    private Tiers() {
    }

    /** Thresholds by amount: the tier a spend of at least the amount reaches. */
    static NavigableMap<BigDecimal, String> rule(String text) {
        NavigableMap<BigDecimal, String> steps = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String step : text.split(",")) {
            String[] parts = step.strip().split(":");
            if (parts.length != 2 || !parts[0].strip().matches("[A-Za-z_]{2,20}")) {
                throw new IllegalArgumentException("a tier is NAME:YUAN, not " + step);
            }
            BigDecimal at = new BigDecimal(parts[1].strip());
            if (at.signum() <= 0) {
                throw new IllegalArgumentException("a tier's threshold is above 0: " + step);
            }
            steps.put(at, parts[0].strip().toUpperCase(java.util.Locale.ROOT));
        }
        return steps;
    }

    static String tierFor(BigDecimal spend, NavigableMap<BigDecimal, String> rule) {
        Map.Entry<BigDecimal, String> step = rule.floorEntry(spend);
        return step == null ? STANDARD : step.getValue();
    }

    /** Re-evaluates one member (the caller's transaction); answers whether the tier changed. */
    static boolean evaluate(EntityManager em, long memberId, LocalDate today, NavigableMap<BigDecimal, String> rule,
            LocalDateTime now) {
        MemberEntity m = em.find(MemberEntity.class, memberId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.active) {
            return false;
        }
        BigDecimal spend = new BigDecimal(em.createQuery("SELECT COALESCE(SUM(s.amount), 0) FROM SpendEntity s WHERE"
                + " s.memberId = :m AND s.day > :d").setParameter("m", memberId).setParameter("d",
                        today.minusMonths(12))
                .getSingleResult().toString());
        String tier = tierFor(spend, rule);
        if (tier.equals(m.tier)) {
            return false;
        }
        TierChangeEntity c = new TierChangeEntity();
        c.memberId = memberId;
        c.from = m.tier;
        c.to = tier;
        c.spend = spend.setScale(2);
        c.at = now;
        em.persist(c);
        m.tier = tier;
        m.version++;
        return true;
    }
}
