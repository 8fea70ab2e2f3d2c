package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.opendms.platform.api.DmsException;
import org.opendms.reports.api.DrillRow;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;
import org.opendms.reports.api.TechnicianFigures;

/**
 * The sums over the facts. Each reads one date column's range (opened, completed, delivered, settled), on its index;
 * DISTINCT aggregates are avoided (Derby allows one per query) by grouping per work order first.
 */
final class FactQueries {

    private static final String NOT_THIRD_PARTY = "payer NOT IN ('INSURER', 'MANUFACTURER')";

    private FactQueries() {
    }

    static String hasType(String type) {
        return "visit_types LIKE '%," + type + ",%'";
    }

    static Figures figures(EntityManager em, Period p) {
        Sql sql = new Sql(em);
        StringBuilder visits = new StringBuilder("SELECT COUNT(*), COUNT(CASE WHEN comeback = 1 THEN 1 END)");
        for (String type : KpiFormulas.VISIT_TYPES.keySet()) {
            visits.append(", COUNT(CASE WHEN ").append(hasType(type)).append(" THEN 1 END)");
        }
        visits.append(" FROM rpt_visit WHERE opened_day BETWEEN ? AND ? AND cancelled = 0");
        Map<String, Long> byType = new LinkedHashMap<>();
        long[] in = new long[2];
        sql.query(visits.toString(), rs -> {
            in[0] = rs.getLong(1);
            in[1] = rs.getLong(2);
            int i = 3;
            for (String type : KpiFormulas.VISIT_TYPES.keySet()) {
                byType.put(type, rs.getLong(i++));
            }
            return null;
        }, p.from(), p.to());
        BigDecimal[] hours = sql.query("SELECT SUM(sold_hours), SUM(clocked_hours) FROM rpt_visit"
                + " WHERE completed_day BETWEEN ? AND ? AND cancelled = 0",
                rs -> new BigDecimal[] { Sql.money(rs, 1), Sql.money(rs, 2) }, p.from(), p.to()).get(0);
        long[] delivered = sql.query("SELECT COUNT(on_time), COUNT(CASE WHEN on_time = 1 THEN 1 END) FROM rpt_visit"
                + " WHERE delivered_day BETWEEN ? AND ?", rs -> new long[] { rs.getLong(1), rs.getLong(2) }, p.from(),
                p.to()).get(0);
        StringBuilder money = new StringBuilder("SELECT SUM(labour), SUM(parts), SUM(other_net), SUM(CASE WHEN "
                + NOT_THIRD_PARTY + " THEN net ELSE 0 END)");
        for (String type : KpiFormulas.TICKET_TYPES.keySet()) {
            money.append(", SUM(CASE WHEN ").append(hasType(type)).append(" THEN net ELSE 0 END)");
        }
        money.append(" FROM rpt_document WHERE settled_day BETWEEN ? AND ?");
        Map<String, BigDecimal> revenueByType = new LinkedHashMap<>();
        BigDecimal[] revenue = sql.query(money.toString(), rs -> {
            int i = 5;
            for (String type : KpiFormulas.TICKET_TYPES.keySet()) {
                revenueByType.put(type, Sql.money(rs, i++));
            }
            return new BigDecimal[] { Sql.money(rs, 1), Sql.money(rs, 2), Sql.money(rs, 3), Sql.money(rs, 4) };
        }, p.from(), p.to()).get(0);
        // vehicles settled: work orders with a document (not a reversal) settled in the period
        StringBuilder perWo = new StringBuilder("SELECT COUNT(*), SUM(cust)");
        StringBuilder inner = new StringBuilder(
                "SELECT work_order_id, MAX(CASE WHEN " + NOT_THIRD_PARTY + " THEN 1 ELSE 0 END) AS cust");
        int n = 0;
        for (String type : KpiFormulas.TICKET_TYPES.keySet()) {
            perWo.append(", SUM(t").append(n).append(")");
            inner.append(", MAX(CASE WHEN ").append(hasType(type)).append(" THEN 1 ELSE 0 END) AS t").append(n++);
        }
        inner.append(" FROM rpt_document WHERE settled_day BETWEEN ? AND ? AND reversal = 0 GROUP BY work_order_id");
        perWo.append(" FROM (").append(inner).append(") w");
        Map<String, Long> settledByType = new LinkedHashMap<>();
        long[] settled = sql.query(perWo.toString(), rs -> {
            int i = 3;
            for (String type : KpiFormulas.TICKET_TYPES.keySet()) {
                settledByType.put(type, rs.getLong(i++));
            }
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }, p.from(), p.to()).get(0);
        return new Figures(in[0], byType, hours[0], hours[1], revenue[0], revenue[1], revenue[2], revenueByType,
                settledByType, settled[0], revenue[3], settled[1], in[1], delivered[0], delivered[1]);
    }

    /** One row per settled day, payer and visit-type set: labour, parts, other, net, parts cost, documents. */
    record DayRow(LocalDate day, String payer, String visitTypes, BigDecimal labour, BigDecimal parts,
            BigDecimal other, BigDecimal net, BigDecimal partsCost, long documents) {
    }

    static List<DayRow> revenueDays(EntityManager em, Period p) {
        return new Sql(em).query("SELECT settled_day, payer, visit_types, SUM(labour), SUM(parts), SUM(other_net),"
                + " SUM(net), SUM(parts_cost), SUM(CASE WHEN reversal = 1 THEN -1 ELSE 1 END) FROM rpt_document"
                + " WHERE settled_day BETWEEN ? AND ? GROUP BY settled_day, payer, visit_types",
                rs -> new DayRow(Sql.day(rs, 1), rs.getString(2), rs.getString(3), Sql.money(rs, 4), Sql.money(rs, 5),
                        Sql.money(rs, 6), Sql.money(rs, 7), Sql.money(rs, 8), rs.getLong(9)),
                p.from(), p.to());
    }

    static List<TechnicianFigures> technicians(EntityManager em, Period p, BigDecimal commissionShare) {
        Sql sql = new Sql(em);
        Map<String, Long> comebacks = new HashMap<>();
        sql.query("SELECT t.technician, COUNT(*) FROM rpt_visit v JOIN rpt_visit_tech t"
                + " ON t.work_order_id = v.comeback_of_id WHERE v.opened_day BETWEEN ? AND ? AND v.comeback = 1"
                + " AND v.cancelled = 0 GROUP BY t.technician", rs -> comebacks.put(rs.getString(1), rs.getLong(2)),
                p.from(), p.to());
        Map<String, TechnicianFigures> out = new LinkedHashMap<>();
        sql.query("SELECT technician, COUNT(*), SUM(sold_hours), SUM(clocked_hours), SUM(labour_net)"
                + " FROM rpt_visit_tech WHERE completed_day BETWEEN ? AND ? GROUP BY technician ORDER BY technician",
                rs -> {
                    String tech = rs.getString(1);
                    BigDecimal sold = Sql.money(rs, 3), clocked = Sql.money(rs, 4), labour = Sql.money(rs, 5);
                    out.put(tech, new TechnicianFigures(tech, rs.getLong(2), sold, clocked,
                            clocked.signum() == 0 ? null : sold.divide(clocked, 4, java.math.RoundingMode.HALF_UP),
                            comebacks.getOrDefault(tech, 0L), labour, commissionShare == null ? null
                                    : VisitFact.scale(labour.multiply(commissionShare))));
                    return null;
                }, p.from(), p.to());
        // a technician whose work came back, with nothing completed in the period, is still listed
        new TreeSet<>(comebacks.keySet()).forEach(tech -> out.computeIfAbsent(tech,
                t -> new TechnicianFigures(t, 0, VisitFact.ZERO, VisitFact.ZERO, null, comebacks.get(t),
                        VisitFact.ZERO, commissionShare == null ? null : VisitFact.ZERO)));
        return new ArrayList<>(out.values());
    }

    private static final String VISIT_ROW = "SELECT work_order_id, number, plate, %s, visit_types, status, %s, %s"
            + " FROM rpt_visit WHERE %s ORDER BY %s DESC, work_order_id DESC FETCH FIRST " + Reports.DRILL_MAX
            + " ROWS ONLY";

    /** The work orders behind a KPI; null for a code with nothing to drill into. */
    static List<DrillRow> drill(EntityManager em, String kpi, Period p) {
        Sql sql = new Sql(em);
        String opened = "opened_day BETWEEN ? AND ? AND cancelled = 0";
        String completed = "completed_day BETWEEN ? AND ? AND cancelled = 0";
        String q;
        if (kpi.equals("vehicles_in")) {
            q = String.format(VISIT_ROW, "opened_day", "CAST(NULL AS DECIMAL(14,2))", "CAST(NULL AS VARCHAR(40))",
                    opened, "opened_day");
        } else if (kpi.startsWith("visits_") && KpiFormulas.VISIT_TYPES.containsKey(type(kpi))) {
            q = String.format(VISIT_ROW, "opened_day", "CAST(NULL AS DECIMAL(14,2))", "CAST(NULL AS VARCHAR(40))",
                    opened + " AND " + hasType(type(kpi)), "opened_day");
        } else if (kpi.equals("comeback_rate") || kpi.equals("first_time_fix")) {
            return sql.query("SELECT v.work_order_id, v.number, v.plate, v.opened_day, v.visit_types, v.status,"
                    + " CAST(NULL AS DECIMAL(14,2)), e.number FROM rpt_visit v LEFT JOIN rpt_visit e"
                    + " ON e.work_order_id = v.comeback_of_id WHERE v.opened_day BETWEEN ? AND ? AND v.cancelled = 0"
                    + " AND v.comeback = 1 ORDER BY v.opened_day DESC, v.work_order_id DESC FETCH FIRST "
                    + Reports.DRILL_MAX + " ROWS ONLY", rs -> row(rs, "返修自 comeback of "), p.from(), p.to());
        } else if (Set.of("productivity", "labour_utilisation", "labour_efficiency", "bay_utilisation")
                .contains(kpi)) {
            q = String.format(VISIT_ROW, "completed_day", "clocked_hours", "CAST(NULL AS VARCHAR(40))", completed,
                    "completed_day");
        } else if (kpi.equals("on_time_delivery")) {
            q = String.format(VISIT_ROW, "delivered_day", "CAST(NULL AS DECIMAL(14,2))",
                    "CASE WHEN on_time = 1 THEN '按时 on time' ELSE '超时 late' END",
                    "delivered_day BETWEEN ? AND ? AND on_time IS NOT NULL", "delivered_day");
        } else if (kpi.equals("ticket_per_vehicle") || kpi.equals("labour_revenue_to_wages")
                || kpi.equals("revenue_per_bay") || kpi.equals("ticket_per_customer") || kpi.startsWith("ticket_")) {
            String where = "d.settled_day BETWEEN ? AND ?";
            if (kpi.equals("ticket_per_customer")) {
                where += " AND d." + NOT_THIRD_PARTY;
            } else if (kpi.startsWith("ticket_") && KpiFormulas.TICKET_TYPES.containsKey(type(kpi))) {
                where += " AND d." + hasType(type(kpi));
            } else if (kpi.startsWith("ticket_") && !kpi.equals("ticket_per_vehicle")) {
                return null;
            }
            return sql.query("SELECT d.work_order_id, COALESCE(v.number, ''), COALESCE(v.plate, ''), d.settled_day,"
                    + " d.visit_types, COALESCE(v.status, ''), d.net, d.number FROM rpt_document d LEFT JOIN rpt_visit v"
                    + " ON v.work_order_id = d.work_order_id WHERE " + where
                    + " ORDER BY d.settled_day DESC, d.settlement_id DESC FETCH FIRST " + Reports.DRILL_MAX
                    + " ROWS ONLY", rs -> row(rs, "结算单 "), p.from(), p.to());
        } else {
            return null;
        }
        return sql.query(q, rs -> row(rs, ""), p.from(), p.to());
    }

    private static String type(String kpi) {
        return kpi.substring(kpi.indexOf('_') + 1).toUpperCase();
    }

    private static DrillRow row(java.sql.ResultSet rs, String notePrefix) throws java.sql.SQLException {
        Set<String> types = new TreeSet<>();
        for (String t : rs.getString(5).split(",")) {
            if (!t.isEmpty()) {
                types.add(t);
            }
        }
        String note = rs.getString(8);
        return new DrillRow(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.day(rs, 4), types, rs.getString(6),
                rs.getBigDecimal(7), note == null ? null : notePrefix + note);
    }

    static DmsException unknownKpi(String kpi) {
        return DmsException.notFound("kpi", "指标 " + kpi + " 没有可查看的明细", "KPI " + kpi + " has nothing to drill into");
    }
}
