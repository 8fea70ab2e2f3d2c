package org.opendms.reports.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * Writes the facts: each replaces whatever its work order or document contributed before, and marks every day the
 * change touched (before and after) pending in the same transaction, for {@link DaySummaries} to compute again.
 */
final class FactStore {

    private FactStore() {
    }

    /** What a visit's row says, to tell a change that moves no figure (a dispatch, a clock on) from one that does. */
    private static final String SAME = "SELECT opened_day, completed_day, delivered_day, visit_types, status, on_time,"
            + " comeback, comeback_of_id, cancelled, sold_hours, clocked_hours, labour_net, parts_net, other_net,"
            + " parts_cost, number, plate, customer_id FROM rpt_visit WHERE work_order_id = ?";

    static void replace(EntityManager em, VisitFact v, LocalDateTime now) {
        Sql sql = new Sql(em);
        Set<LocalDate> days = new HashSet<>();
        List<List<Object>> old = sql.query(SAME, rs -> {
            days.add(Sql.day(rs, 1));
            days.add(Sql.day(rs, 2));
            days.add(Sql.day(rs, 3));
            List<Object> row = new java.util.ArrayList<>();
            for (int i = 1; i <= 18; i++) {
                Object o = rs.getObject(i);
                row.add(o instanceof java.math.BigDecimal b ? b.stripTrailingZeros()
                        : o instanceof Number n ? n.longValue() : o instanceof java.sql.Date d ? d.toLocalDate() : o);
            }
            return row;
        }, v.workOrderId());
        if (!old.isEmpty() && old.get(0).equals(row(v)) && sameCredits(sql, v)) {
            return; // most events of a work order (dispatch, a clock on, an approval) move no figure: nothing to write
        }
        List<String> oldTypes = old.isEmpty() ? List.of() : List.of((String) old.get(0).get(3));
        sql.update("DELETE FROM rpt_visit_tech WHERE work_order_id = ?", v.workOrderId());
        sql.update("DELETE FROM rpt_visit WHERE work_order_id = ?", v.workOrderId());
        sql.update("INSERT INTO rpt_visit (work_order_id, number, plate, vehicle_id, customer_id, status, visit_types,"
                + " opened_day, completed_day, delivered_day, on_time, comeback, comeback_of_id, cancelled, sold_hours,"
                + " clocked_hours, labour_net, parts_net, other_net, parts_cost, projected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.workOrderId(),
                v.number(), v.plate(), v.vehicleId(), v.customerId(), v.status(), v.visitTypes(), v.openedDay(),
                Sql.orNull(v.completedDay()), Sql.orNull(v.deliveredDay()), Sql.orNull(v.onTime()), v.comeback(),
                Sql.orNull(v.comebackOfId()), v.cancelled(), v.soldHours(), v.clockedHours(), v.labourNet(),
                v.partsNet(), v.otherNet(), v.partsCost(), now);
        for (VisitFact.TechnicianCredit c : v.credits()) {
            sql.update("INSERT INTO rpt_visit_tech (work_order_id, technician, completed_day, sold_hours,"
                    + " clocked_hours, labour_net) VALUES (?, ?, ?, ?, ?, ?)", v.workOrderId(), c.technician(),
                    v.completedDay(), c.soldHours(), c.clockedHours(), c.labourNet());
        }
        days.add(v.openedDay());
        days.add(v.completedDay());
        days.add(v.deliveredDay());
        // the comebacks of this work order count against its technicians on the days they came back
        days.addAll(sql.query("SELECT opened_day FROM rpt_visit WHERE comeback_of_id = ?", rs -> Sql.day(rs, 1),
                v.workOrderId()));
        if (!oldTypes.isEmpty() && !oldTypes.get(0).equals(v.visitTypes())) {
            // the documents count in the visit's types as they are now
            sql.update("UPDATE rpt_document SET visit_types = ? WHERE work_order_id = ?", v.visitTypes(),
                    v.workOrderId());
            days.addAll(sql.query("SELECT settled_day FROM rpt_document WHERE work_order_id = ?",
                    rs -> Sql.day(rs, 1), v.workOrderId()));
        }
        DaySummaries.markPending(em, days);
    }

    /** The new fact as {@link #SAME} reads a row. */
    private static List<Object> row(VisitFact v) {
        return java.util.Arrays.asList(v.openedDay(), v.completedDay(), v.deliveredDay(), v.visitTypes(), v.status(),
                v.onTime() == null ? null : (long) v.onTime(), v.comeback() ? 1L : 0L, v.comebackOfId(),
                v.cancelled() ? 1L : 0L, v.soldHours().stripTrailingZeros(), v.clockedHours().stripTrailingZeros(),
                v.labourNet().stripTrailingZeros(), v.partsNet().stripTrailingZeros(),
                v.otherNet().stripTrailingZeros(), v.partsCost().stripTrailingZeros(), v.number(), v.plate(),
                v.customerId());
    }

    private static boolean sameCredits(Sql sql, VisitFact v) {
        Set<List<Object>> stored = new HashSet<>(sql.query("SELECT technician, sold_hours, clocked_hours, labour_net"
                + " FROM rpt_visit_tech WHERE work_order_id = ?",
                rs -> List.of(rs.getString(1),
                        rs.getBigDecimal(2).stripTrailingZeros(), rs.getBigDecimal(3).stripTrailingZeros(),
                        rs.getBigDecimal(4).stripTrailingZeros()),
                v.workOrderId()));
        Set<List<Object>> now = new HashSet<>();
        for (VisitFact.TechnicianCredit c : v.credits()) {
            now.add(List.of(c.technician(), c.soldHours().stripTrailingZeros(), c.clockedHours().stripTrailingZeros(),
                    c.labourNet().stripTrailingZeros()));
        }
        return stored.equals(now);
    }

    static void replace(EntityManager em, DocumentFact d) {
        Sql sql = new Sql(em);
        Set<LocalDate> days = new HashSet<>(sql.query("SELECT settled_day FROM rpt_document WHERE settlement_id = ?",
                rs -> Sql.day(rs, 1), d.settlementId()));
        sql.update("DELETE FROM rpt_document WHERE settlement_id = ?", d.settlementId());
        sql.update("INSERT INTO rpt_document (settlement_id, number, work_order_id, customer_id, payer, visit_types,"
                + " settled_day, reversal, labour, parts, other_net, net, parts_cost)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.settlementId(), d.number(), d.workOrderId(),
                d.customerId(), d.payer(), d.visitTypes(), d.settledDay(), d.reversal(), d.labour(), d.parts(),
                d.other(), d.net(), d.partsCost());
        days.add(d.settledDay());
        days.addAll(markFirsts(sql, d.workOrderId()));
        DaySummaries.markPending(em, days);
    }

    /**
     * Marks the work order's first document (not a reversal) and its first one the customer pays, in the order they
     * were settled; returns the days of the documents whose marks changed.
     */
    static Set<LocalDate> markFirsts(Sql sql, long workOrderId) {
        record Doc(long id, LocalDate day, boolean reversal, boolean thirdParty, int first, int firstCustomer) {
        }
        List<Doc> docs = sql.query("SELECT settlement_id, settled_day, reversal, payer, first_of_wo, first_customer"
                + " FROM rpt_document WHERE work_order_id = ? ORDER BY settled_day, settlement_id",
                rs -> new Doc(rs.getLong(1), Sql.day(rs, 2), rs.getInt(3) == 1,
                        rs.getString(4).equals("INSURER") || rs.getString(4).equals("MANUFACTURER"), rs.getInt(5),
                        rs.getInt(6)),
                workOrderId);
        Set<LocalDate> changed = new HashSet<>();
        boolean seen = false, seenCustomer = false;
        for (Doc doc : docs) {
            int first = !doc.reversal() && !seen ? 1 : 0;
            int firstCustomer = !doc.reversal() && !doc.thirdParty() && !seenCustomer ? 1 : 0;
            seen |= first == 1;
            seenCustomer |= firstCustomer == 1;
            if (first != doc.first() || firstCustomer != doc.firstCustomer()) {
                sql.update("UPDATE rpt_document SET first_of_wo = ?, first_customer = ? WHERE settlement_id = ?", first,
                        firstCustomer, doc.id());
                changed.add(doc.day());
            }
        }
        return changed;
    }
}
