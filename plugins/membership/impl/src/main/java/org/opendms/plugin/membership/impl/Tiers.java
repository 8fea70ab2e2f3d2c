package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.opendms.plugin.membership.api.TierChange;

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

    /** A tier's place in the rule: STANDARD 0, then by threshold; a tier no longer in the rule is 0 too. */
    static int rank(String tier, NavigableMap<BigDecimal, String> rule) {
        int i = 1;
        for (String t : rule.values()) {
            if (t.equals(tier)) {
                return i;
            }
            i++;
        }
        return 0;
    }

    /** A tier for sale: its price and how many months it runs. */
    record Offer(String tier, BigDecimal price, int months) {
    }

    /** The tiers for sale, e.g. {@code GOLD:299:12}; each must be a tier of the rule. */
    static Map<String, Offer> offers(String text, NavigableMap<BigDecimal, String> rule) {
        Map<String, Offer> out = new java.util.LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String step : text.split(",")) {
            String[] parts = step.strip().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a tier for sale is TIER:YUAN:MONTHS, not " + step);
            }
            String tier = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
            if (rank(tier, rule) == 0) {
                throw new IllegalArgumentException(tier + " is not a tier of the rule " + rule.values());
            }
            BigDecimal price = new BigDecimal(parts[1].strip());
            int months = Integer.parseInt(parts[2].strip());
            if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2 || months < 1 || months > 60) {
                throw new IllegalArgumentException("a price above 0 in fen and 1–60 months: " + step);
            }
            out.put(tier, new Offer(tier, price.setScale(2), months));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static String tierFor(BigDecimal spend, NavigableMap<BigDecimal, String> rule) {
        Map.Entry<BigDecimal, String> step = rule.floorEntry(spend);
        return step == null ? STANDARD : step.getValue();
    }

    /**
     * Re-evaluates one member (the caller's transaction): the higher of the tier the spend reaches and a tier bought
     * that runs today. Answers the change, or null when the tier stays.
     */
    static TierChange evaluate(EntityManager em, long memberId, LocalDate today, NavigableMap<BigDecimal, String> rule,
            LocalDateTime now) {
        MemberEntity m = em.find(MemberEntity.class, memberId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.active) {
            return null;
        }
        BigDecimal spend = new BigDecimal(em.createQuery("SELECT COALESCE(SUM(s.amount), 0) FROM SpendEntity s WHERE"
                + " s.memberId = :m AND s.day > :d").setParameter("m", memberId).setParameter("d",
                        today.minusMonths(12))
                .getSingleResult().toString());
        String tier = tierFor(spend, rule);
        for (String bought : em.createQuery("SELECT p.tier FROM TierPurchaseEntity p WHERE p.memberId = :m AND"
                + " p.validFrom <= :d AND p.validTo >= :d", String.class).setParameter("m", memberId)
                .setParameter("d", today).getResultList()) {
            if (rank(bought, rule) > rank(tier, rule)) {
                tier = bought;
            }
        }
        if (tier.equals(m.tier)) {
            return null;
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
        return Records.tierChange(c);
    }
}
