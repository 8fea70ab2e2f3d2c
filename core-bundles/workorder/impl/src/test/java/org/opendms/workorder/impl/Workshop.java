package org.opendms.workorder.impl;

import org.opendms.appointment.api.AppointmentService;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.vehicle.api.VehicleService;

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
    final ShopTechnicians technicians = new ShopTechnicians();

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
    }
}
