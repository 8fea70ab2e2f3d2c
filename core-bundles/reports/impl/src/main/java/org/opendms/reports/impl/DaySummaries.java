package org.opendms.reports.impl;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import javax.persistence.EntityManager;

/**
 * The daily summaries (rpt_day, rpt_day_revenue, rpt_day_tech) of the days a change touched, computed again from the
 * facts of those days: no delta is ever added, so a summary row always equals its day's facts. A fact change marks
 * its days pending in its own transaction; {@link #summarisePending} computes them a moment later, once for a burst.
 */
final class DaySummaries {

    private static final String TYPE = "visit_types LIKE '%,";

    private DaySummaries() {
    }

    private static String has(String type) {
        return TYPE + type + ",%'";
    }

    static final String DAY = "INSERT INTO rpt_day (summary_day, vehicles_in, comebacks, in_maintenance,"
            + " in_general_repair, in_accident, in_warranty, in_insurance, in_internal, in_pdi, sold_hours,"
            + " clocked_hours, delivered, on_time, labour, parts, other_net, customer_net, net_maintenance,"
            + " net_general_repair, net_accident, settled_vehicles, customer_vehicles, settled_maintenance,"
            + " settled_general_repair, settled_accident)"
            + " SELECT CAST(? AS DATE), v.n, v.cb, v.m, v.g, v.a, v.w, v.i, v.t, v.p, c.sold, c.clocked, d.n, d.ok,"
            + " s.labour, s.parts, s.other_net, s.customer_net, s.nm, s.ng, s.na, s.sv, s.cv, s.sm, s.sg, s.sa FROM"
            + " (SELECT COUNT(*) AS n, COUNT(CASE WHEN comeback = 1 THEN 1 END) AS cb,"
            + " COUNT(CASE WHEN " + has("MAINTENANCE") + " THEN 1 END) AS m,"
            + " COUNT(CASE WHEN " + has("GENERAL_REPAIR") + " THEN 1 END) AS g,"
            + " COUNT(CASE WHEN " + has("ACCIDENT") + " THEN 1 END) AS a,"
            + " COUNT(CASE WHEN " + has("WARRANTY") + " THEN 1 END) AS w,"
            + " COUNT(CASE WHEN " + has("INSURANCE") + " THEN 1 END) AS i,"
            + " COUNT(CASE WHEN " + has("INTERNAL") + " THEN 1 END) AS t,"
            + " COUNT(CASE WHEN " + has("PDI") + " THEN 1 END) AS p"
            + " FROM rpt_visit WHERE opened_day = ? AND cancelled = 0) v,"
            + " (SELECT COALESCE(SUM(sold_hours), 0) AS sold, COALESCE(SUM(clocked_hours), 0) AS clocked"
            + " FROM rpt_visit WHERE completed_day = ? AND cancelled = 0) c,"
            + " (SELECT COUNT(on_time) AS n, COUNT(CASE WHEN on_time = 1 THEN 1 END) AS ok"
            + " FROM rpt_visit WHERE delivered_day = ?) d,"
            + " (SELECT COALESCE(SUM(labour), 0) AS labour, COALESCE(SUM(parts), 0) AS parts,"
            + " COALESCE(SUM(other_net), 0) AS other_net,"
            + " COALESCE(SUM(CASE WHEN payer NOT IN ('INSURER', 'MANUFACTURER') THEN net ELSE 0 END), 0) AS customer_net,"
            + " COALESCE(SUM(CASE WHEN " + has("MAINTENANCE") + " THEN net ELSE 0 END), 0) AS nm,"
            + " COALESCE(SUM(CASE WHEN " + has("GENERAL_REPAIR") + " THEN net ELSE 0 END), 0) AS ng,"
            + " COALESCE(SUM(CASE WHEN " + has("ACCIDENT") + " THEN net ELSE 0 END), 0) AS na,"
            + " COUNT(CASE WHEN first_of_wo = 1 THEN 1 END) AS sv,"
            + " COUNT(CASE WHEN first_customer = 1 THEN 1 END) AS cv,"
            + " COUNT(CASE WHEN first_of_wo = 1 AND " + has("MAINTENANCE") + " THEN 1 END) AS sm,"
            + " COUNT(CASE WHEN first_of_wo = 1 AND " + has("GENERAL_REPAIR") + " THEN 1 END) AS sg,"
            + " COUNT(CASE WHEN first_of_wo = 1 AND " + has("ACCIDENT") + " THEN 1 END) AS sa"
            + " FROM rpt_document WHERE settled_day = ?) s";

    static final String REVENUE = "INSERT INTO rpt_day_revenue (summary_day, payer, visit_types, labour, parts,"
            + " other_net, net, parts_cost, documents) SELECT CAST(? AS DATE), payer, visit_types, SUM(labour),"
            + " SUM(parts), SUM(other_net), SUM(net), SUM(parts_cost), SUM(CASE WHEN reversal = 1 THEN -1 ELSE 1 END)"
            + " FROM rpt_document WHERE settled_day = ? GROUP BY payer, visit_types";

    static final String TECH = "INSERT INTO rpt_day_tech (summary_day, technician, work_orders, sold_hours,"
            + " clocked_hours, labour_net, comebacks) SELECT CAST(? AS DATE), technician, SUM(wo), SUM(sold),"
            + " SUM(clocked), SUM(labour), SUM(cb) FROM ("
            + "SELECT technician, 1 AS wo, sold_hours AS sold, clocked_hours AS clocked, labour_net AS labour, 0 AS cb"
            + " FROM rpt_visit_tech WHERE completed_day = ?"
            + " UNION ALL SELECT t.technician, 0, 0, 0, 0, 1 FROM rpt_visit v JOIN rpt_visit_tech t"
            + " ON t.work_order_id = v.comeback_of_id WHERE v.opened_day = ? AND v.comeback = 1 AND v.cancelled = 0"
            + ") x (technician, wo, sold, clocked, labour, cb) GROUP BY technician";

    /** Marks these days (nulls ignored) as needing their summaries computed again, in the caller's transaction. */
    static void markPending(EntityManager em, Collection<LocalDate> days) {
        Sql sql = new Sql(em);
        for (LocalDate day : new TreeSet<>(days.stream().filter(d -> d != null).toList())) {
            // one writer (the projection's worker), so no other transaction inserts the same day meanwhile
            if (sql.query("SELECT summary_day FROM rpt_pending_day WHERE summary_day = ?", rs -> 1, day).isEmpty()) {
                sql.update("INSERT INTO rpt_pending_day (summary_day) VALUES (?)", day);
            }
        }
    }

    /** Computes the pending days' summaries and clears them, in the caller's transaction; returns how many days. */
    static int summarisePending(EntityManager em) {
        Sql sql = new Sql(em);
        List<LocalDate> days = sql.query("SELECT summary_day FROM rpt_pending_day", rs -> Sql.day(rs, 1));
        recompute(em, days);
        for (LocalDate day : days) {
            sql.update("DELETE FROM rpt_pending_day WHERE summary_day = ?", day);
        }
        return days.size();
    }

    /** Computes the summaries of these days again (nulls ignored), in the caller's transaction. */
    static void recompute(EntityManager em, Collection<LocalDate> days) {
        Sql sql = new Sql(em);
        for (LocalDate day : new TreeSet<>(days.stream().filter(d -> d != null).toList())) {
            sql.update("DELETE FROM rpt_day WHERE summary_day = ?", day);
            sql.update(DAY, day, day, day, day, day);
            sql.update("DELETE FROM rpt_day_revenue WHERE summary_day = ?", day);
            sql.update(REVENUE, day, day);
            sql.update("DELETE FROM rpt_day_tech WHERE summary_day = ?", day);
            sql.update(TECH, day, day, day);
        }
    }
}
