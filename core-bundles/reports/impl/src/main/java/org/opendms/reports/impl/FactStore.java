package org.opendms.reports.impl;

import java.time.LocalDateTime;

import javax.persistence.EntityManager;

/** Writes the facts: each replaces whatever its work order or document contributed before. */
final class FactStore {

    private FactStore() {
    }

    static void replace(EntityManager em, VisitFact v, LocalDateTime now) {
        Sql sql = new Sql(em);
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
        // the documents count in the visit's types as they are now
        sql.update("UPDATE rpt_document SET visit_types = ? WHERE work_order_id = ? AND visit_types <> ?",
                v.visitTypes(), v.workOrderId(), v.visitTypes());
    }

    static void replace(EntityManager em, DocumentFact d) {
        Sql sql = new Sql(em);
        sql.update("DELETE FROM rpt_document WHERE settlement_id = ?", d.settlementId());
        sql.update("INSERT INTO rpt_document (settlement_id, number, work_order_id, customer_id, payer, visit_types,"
                + " settled_day, reversal, labour, parts, other_net, net, parts_cost)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.settlementId(), d.number(), d.workOrderId(),
                d.customerId(), d.payer(), d.visitTypes(), d.settledDay(), d.reversal(), d.labour(), d.parts(),
                d.other(), d.net(), d.partsCost());
    }
}
