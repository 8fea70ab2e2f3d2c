package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.opendms.reports.api.CustomerFigures;
import org.opendms.reports.api.LapsedCustomer;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;

/** Customers over the visit facts (cancelled visits left out), on the customer and day index. */
final class CustomerQueries {

    private static final String VISITS = "rpt_visit WHERE cancelled = 0";
    private static final String MAINTENANCE = " AND visit_types LIKE '%,MAINTENANCE,%'";

    private CustomerQueries() {
    }

    static CustomerFigures customers(EntityManager em, Period p, int monthsAway) {
        Sql sql = new Sql(em);
        long customers = count(sql, "SELECT COUNT(DISTINCT customer_id) FROM " + VISITS
                + " AND opened_day BETWEEN ? AND ?", p.from(), p.to());
        long newOnes = count(sql, "SELECT COUNT(*) FROM (SELECT customer_id FROM " + VISITS
                + " AND opened_day BETWEEN ? AND ? GROUP BY customer_id) c WHERE NOT EXISTS (SELECT 1 FROM rpt_visit e"
                + " WHERE e.customer_id = c.customer_id AND e.opened_day < ? AND e.cancelled = 0)", p.from(), p.to(),
                p.from());
        LocalDate yearBefore = p.from().minusYears(1);
        long base = count(sql, "SELECT COUNT(DISTINCT customer_id) FROM " + VISITS + MAINTENANCE
                + " AND opened_day BETWEEN ? AND ?", yearBefore, p.from().minusDays(1));
        long back = count(sql, "SELECT COUNT(*) FROM (SELECT customer_id FROM " + VISITS + MAINTENANCE
                + " AND opened_day BETWEEN ? AND ? GROUP BY customer_id) b WHERE EXISTS (SELECT 1 FROM rpt_visit n"
                + " WHERE n.customer_id = b.customer_id AND n.opened_day BETWEEN ? AND ? AND n.cancelled = 0"
                + " AND n.visit_types LIKE '%,MAINTENANCE,%')", yearBefore, p.from().minusDays(1), p.from(), p.to());
        LocalDate since = p.to().minusMonths(monthsAway);
        String lastVisits = "SELECT customer_id, MAX(opened_day) AS last_day, COUNT(*) AS visits FROM " + VISITS
                + " GROUP BY customer_id HAVING MAX(opened_day) < ?";
        long lapsedCount = count(sql, "SELECT COUNT(*) FROM (" + lastVisits + ") l", since);
        Map<Long, LapsedCustomer> lapsed = new LinkedHashMap<>();
        sql.query("SELECT l.customer_id, l.last_day, v.number, v.work_order_id, v.plate, l.visits FROM (" + lastVisits
                + " ORDER BY MAX(opened_day) DESC, customer_id FETCH FIRST " + Reports.LAPSED_MAX + " ROWS ONLY) l"
                + " JOIN rpt_visit v ON v.customer_id = l.customer_id AND v.opened_day = l.last_day AND v.cancelled = 0"
                + " ORDER BY l.last_day DESC, l.customer_id, v.work_order_id DESC",
                rs -> lapsed.putIfAbsent(rs.getLong(1), new LapsedCustomer(rs.getLong(1), Sql.day(rs, 2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6))),
                since);
        return new CustomerFigures(p, customers, newOnes, customers - newOnes, base, back,
                base == 0 ? null : BigDecimal.valueOf(back).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP),
                since, lapsedCount, new ArrayList<>(lapsed.values()));
    }

    private static long count(Sql sql, String query, Object... params) {
        List<Long> n = sql.query(query, rs -> rs.getLong(1), params);
        return n.isEmpty() ? 0 : n.get(0);
    }
}
