package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.Liability;
import org.opendms.plugin.membership.api.MembershipSummary;

/** The membership summary of a day, each figure one grouped query. */
final class Summaries {

    private Summaries() {
    }

    static MembershipSummary of(EntityManager em, LocalDate day, LocalDateTime dayEndUtc, Liability liability,
            List<CampaignResult> campaigns) {
        Map<String, Long> byTier = new TreeMap<>();
        for (Object[] r : em.createQuery("SELECT m.tier, COUNT(m) FROM MemberEntity m WHERE m.active = :a GROUP BY"
                + " m.tier", Object[].class).setParameter("a", true).getResultList()) {
            byTier.put((String) r[0], ((Number) r[1]).longValue());
        }
        long points = ((Number) em.createQuery("SELECT COALESCE(SUM(b.points), 0) FROM PointsBalanceEntity b WHERE"
                + " b.points > 0").getSingleResult()).longValue();
        Object[] cards = (Object[]) em.createQuery("SELECT COUNT(c), COALESCE(SUM(c.price), 0), COALESCE(SUM(c.uses),"
                + " 0) FROM CountCardEntity c WHERE c.soldAt < :e").setParameter("e", dayEndUtc).getSingleResult();
        long taken = ((Number) em.createQuery("SELECT COUNT(u) FROM CardUseEntity u WHERE u.useId IS NULL AND u.at <"
                + " :e").setParameter("e", dayEndUtc).getSingleResult()).longValue()
                - ((Number) em.createQuery("SELECT COUNT(u) FROM CardUseEntity u WHERE u.useId IS NOT NULL AND u.at <"
                        + " :e").setParameter("e", dayEndUtc).getSingleResult()).longValue();
        long left = ((Number) em.createQuery("SELECT COALESCE(SUM(c.usesLeft), 0) FROM CountCardEntity c WHERE"
                + " c.expiresOn >= :d").setParameter("d", day).getSingleResult()).longValue();
        return new MembershipSummary(day, byTier, liability, points, ((Number) cards[0]).longValue(),
                new BigDecimal(cards[1].toString()).setScale(2), ((Number) cards[2]).longValue(), taken, left,
                campaigns);
    }

    static LocalDateTime endOf(LocalDate day, java.time.ZoneId zone) {
        return Stored.utc(day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
