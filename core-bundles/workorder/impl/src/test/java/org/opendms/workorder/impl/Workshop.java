package org.opendms.workorder.impl;

import java.math.BigDecimal;

import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.impl.AppointmentBookForTests;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.impl.CoreFilesForTests;

/**
 * Every work-order service wired on one store, as Declarative Services wires them in Karaf, with the real skill
 * catalogue.
 */
final class Workshop {

    final WorkOrderStore store;
    final JpaWorkOrders workOrders;
    final JpaWorkOrderFlow flow;
    final JpaReception reception;
    final JpaJobs jobs;
    final JpaLabourCatalogue catalogue;
    final JpaDispatch dispatch;
    final JpaClocks clocks;
    final JpaQualityControl qc;
    final JpaFollowUps followUps;
    final JpaPartLines partLines;
    final ShopTechnicians technicians = new ShopTechnicians();

    /**
     * The whole shop on a database with the core files migrated: the real skill catalogue, appointments whose arrivals
     * link this shop's work orders, and the customer archive; the work-order changelog is migrated here.
     */
    static Workshop on(TestDatabase db, CoreFilesForTests core, MutableShopClock clock) {
        db.migrate("db/org.opendms.workorder.impl/changelog.xml");
        WorkOrderStore store = new WorkOrderStore(db.jpa("dms-workorder"), clock, new BigDecimal("0.13"), 30, 3000);
        return new Workshop(StaffForTests.on(db, clock).skills(), store, core.vehicles(),
                AppointmentBookForTests.on(db, core.customers(), core.vehicles(), new ShopTechnicians(), clock,
                        id -> new WorkOrderReferences(store).plateOf(id)),
                core.customers());
    }

    Workshop(SkillCatalogue skills, WorkOrderStore store, VehicleService vehicles, AppointmentService appointments) {
        this(skills, store, vehicles, appointments, null);
    }

    /** With the customer archive, for searches by customer name or mobile. */
    Workshop(SkillCatalogue skills, WorkOrderStore store, VehicleService vehicles, AppointmentService appointments,
            CustomerService customers) {
        this.store = store;
        store.permissions = TestPermissions.of();
        // the trail's table comes with the customer archive the contracts migrate first
        store.audit = new JpaAuditTrail(store.jpa, store.clock, store.permissions);
        workOrders = new JpaWorkOrders(store, customers);
        flow = new JpaWorkOrderFlow(store);
        reception = new JpaReception(store, flow, vehicles, appointments, technicians);
        jobs = new JpaJobs(store);
        catalogue = new JpaLabourCatalogue(store, skills);
        dispatch = new JpaDispatch(store, technicians, skills);
        clocks = new JpaClocks(store, technicians);
        qc = new JpaQualityControl(store);
        followUps = new JpaFollowUps(store);
        partLines = new JpaPartLines(store);
    }
}
