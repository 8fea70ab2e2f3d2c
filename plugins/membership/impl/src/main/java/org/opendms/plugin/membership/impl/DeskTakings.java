package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opendms.platform.api.Stored;
import org.opendms.settlement.api.CashTakings;
import org.opendms.settlement.api.CashUpTender;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the cashier took at the desk for the plugin on a shop day, per tender: stored-value top-ups, count cards sold
 * and tiers bought, so the drawer counted at the cash-up holds them too.
 */
@Component
public class DeskTakings implements CashTakings {

    @Reference
    JpaMembership membership;

    @Override
    public List<CashUpTender> takings(String cashier, LocalDate day) {
        LocalDateTime from = Stored.utc(day.atStartOfDay(membership.clock.zone()).toInstant());
        LocalDateTime to = Stored.utc(day.plusDays(1).atStartOfDay(membership.clock.zone()).toInstant());
        return membership.jpa.txExpr(em -> {
            Map<String, Object[]> sums = new TreeMap<>();
            add(sums, em.createQuery("SELECT e.paidWith, SUM(e.principal), COUNT(e) FROM EntryEntity e WHERE"
                    + " e.by = :u AND e.at >= :f AND e.at < :t AND e.kind = :k GROUP BY e.paidWith", Object[].class)
                    .setParameter("u", cashier).setParameter("f", from).setParameter("t", to)
                    .setParameter("k", "TOP_UP").getResultList());
            add(sums, em.createQuery("SELECT c.paidWith, SUM(c.price), COUNT(c) FROM CountCardEntity c WHERE"
                    + " c.soldBy = :u AND c.soldAt >= :f AND c.soldAt < :t GROUP BY c.paidWith", Object[].class)
                    .setParameter("u", cashier).setParameter("f", from).setParameter("t", to).getResultList());
            add(sums, em.createQuery("SELECT p.paidWith, SUM(p.price), COUNT(p) FROM TierPurchaseEntity p WHERE"
                    + " p.soldBy = :u AND p.soldAt >= :f AND p.soldAt < :t GROUP BY p.paidWith", Object[].class)
                    .setParameter("u", cashier).setParameter("f", from).setParameter("t", to).getResultList());
            List<CashUpTender> out = new ArrayList<>();
            sums.forEach((m, v) -> out.add(new CashUpTender(m, (BigDecimal) v[0], (int) (long) v[1])));
            return out;
        });
    }

    private static void add(Map<String, Object[]> sums, List<Object[]> rows) {
        for (Object[] r : rows) {
            if (r[0] == null) {
                continue;
            }
            Object[] s = sums.computeIfAbsent((String) r[0], k -> new Object[] { BigDecimal.ZERO, 0L });
            s[0] = ((BigDecimal) s[0]).add((BigDecimal) r[1]);
            s[1] = (long) s[1] + ((Number) r[2]).longValue();
        }
    }
}
