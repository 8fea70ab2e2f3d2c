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

    /** The period's figures: sums of its days' summaries (about thirty rows a month, whatever the shop's size). */
    static Figures figures(EntityManager em, Period p) {
        return new Sql(em).query("SELECT SUM(vehicles_in), SUM(comebacks), SUM(in_maintenance),"
                + " SUM(in_general_repair), SUM(in_accident), SUM(in_warranty), SUM(in_insurance), SUM(in_internal),"
                + " SUM(in_pdi), SUM(sold_hours), SUM(clocked_hours), SUM(delivered), SUM(on_time), SUM(labour),"
                + " SUM(parts), SUM(other_net), SUM(customer_net), SUM(net_maintenance), SUM(net_general_repair),"
                + " SUM(net_accident), SUM(settled_vehicles), SUM(customer_vehicles), SUM(settled_maintenance),"
                + " SUM(settled_general_repair), SUM(settled_accident) FROM rpt_day WHERE summary_day BETWEEN ? AND ?",
                rs -> {
                    Map<String, Long> byType = new LinkedHashMap<>();
                    int i = 3;
                    for (String type : KpiFormulas.VISIT_TYPES.keySet()) {
                        byType.put(type, rs.getLong(i++));
                    }
                    Map<String, BigDecimal> revenueByType = new LinkedHashMap<>();
                    Map<String, Long> settledByType = new LinkedHashMap<>();
                    int r = 18, n = 23;
                    for (String type : List.of("MAINTENANCE", "GENERAL_REPAIR", "ACCIDENT")) {
                        revenueByType.put(type, Sql.money(rs, r++));
                        settledByType.put(type, rs.getLong(n++));
                    }
                    return new Figures(rs.getLong(1), byType, Sql.money(rs, 10), Sql.money(rs, 11), Sql.money(rs, 14),
                            Sql.money(rs, 15), Sql.money(rs, 16), revenueByType, settledByType, rs.getLong(21),
                            Sql.money(rs, 17), rs.getLong(22), rs.getLong(2), rs.getLong(12), rs.getLong(13));
                }, p.from(), p.to()).get(0);
    }

    /** One row per settled day, payer and visit-type set: labour, parts, other, net, parts cost, documents. */
    record DayRow(LocalDate day, String payer, String visitTypes, BigDecimal labour, BigDecimal parts,
            BigDecimal other, BigDecimal net, BigDecimal partsCost, long documents) {
    }

    static List<DayRow> revenueDays(EntityManager em, Period p) {
        return new Sql(em).query("SELECT summary_day, payer, visit_types, labour, parts, other_net, net, parts_cost,"
                + " documents FROM rpt_day_revenue WHERE summary_day BETWEEN ? AND ?",
                rs -> new DayRow(Sql.day(rs, 1), rs.getString(2), rs.getString(3), Sql.money(rs, 4), Sql.money(rs, 5),
                        Sql.money(rs, 6), Sql.money(rs, 7), Sql.money(rs, 8), rs.getLong(9)),
                p.from(), p.to());
    }

    static List<TechnicianFigures> technicians(EntityManager em, Period p, BigDecimal commissionShare) {
        List<TechnicianFigures> out = new ArrayList<>();
        new Sql(em).query("SELECT technician, SUM(work_orders), SUM(sold_hours), SUM(clocked_hours), SUM(labour_net),"
                + " SUM(comebacks) FROM rpt_day_tech WHERE summary_day BETWEEN ? AND ? GROUP BY technician"
                + " ORDER BY technician", rs -> {
                    BigDecimal sold = Sql.money(rs, 3), clocked = Sql.money(rs, 4), labour = Sql.money(rs, 5);
                    return out.add(new TechnicianFigures(rs.getString(1), rs.getLong(2), sold, clocked,
                            clocked.signum() == 0 ? null : sold.divide(clocked, 4, java.math.RoundingMode.HALF_UP),
                            rs.getLong(6), labour,
                            commissionShare == null ? null : VisitFact.scale(labour.multiply(commissionShare))));
                }, p.from(), p.to());
        return out;
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
