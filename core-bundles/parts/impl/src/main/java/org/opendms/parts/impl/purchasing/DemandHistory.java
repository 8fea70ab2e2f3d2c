package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;

/** What a warehouse consumed of each part per shop month, from the ledger's issue and return rows. */
final class DemandHistory {

    private DemandHistory() {
    }

    /**
     * The parts consumed in the months given (oldest first), each month one grouped query on the ledger's time index;
     * the consumption of a superseded part counts for its successors as on {@code today}.
     */
    static Map<Long, BigDecimal[]> of(EntityManager em, long warehouseId, List<YearMonth> months, ZoneId zone,
            LocalDate today) {
        Map<Long, BigDecimal[]> byPart = new HashMap<>();
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            Timestamp from = Timestamp.valueOf(Stored.utc(month.atDay(1).atStartOfDay(zone).toInstant()));
            Timestamp to = Timestamp.valueOf(Stored.utc(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT part_id, SUM(quantity) FROM pt_movement WHERE"
                    + " movement_type IN ('ISSUE', 'RETURN') AND moved_at >= ? AND moved_at < ? AND warehouse_id = ?"
                    + " GROUP BY part_id").setParameter(1, from).setParameter(2, to).setParameter(3, warehouseId)
                    .getResultList();
            Map<Long, BigDecimal> consumed = new HashMap<>();
            for (Object[] r : rows) {
                // issues are negative rows, returns positive
                consumed.put(((Number) r[0]).longValue(), new BigDecimal(r[1].toString()).negate());
            }
            int at = m;
            StockFigures.toSuccessors(em, consumed, today).forEach((part, q) -> byPart
                    .computeIfAbsent(part, k -> zeros(months.size()))[at] = q.max(BigDecimal.ZERO)
                            .stripTrailingZeros());
        }
        return byPart;
    }

    /** The printed number and name of each part, read in batches. */
    static Map<Long, String[]> names(EntityManager em, List<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            @SuppressWarnings("unchecked")
            List<Object[]> parts = em.createQuery("SELECT p.id, p.number, p.name FROM PartEntity p WHERE p.id IN :ids")
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).getResultList();
            for (Object[] p : parts) {
                out.put((Long) p[0], new String[] { (String) p[1], (String) p[2] });
            }
        }
        return out;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
