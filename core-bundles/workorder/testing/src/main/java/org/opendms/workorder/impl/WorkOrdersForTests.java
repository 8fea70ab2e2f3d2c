package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.opendms.appointment.impl.AppointmentBookForTests;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.staff.api.StaffMember;
import org.opendms.staff.api.Technician;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.CompletionRule;
import org.opendms.workorder.api.Jobs;
import org.opendms.workorder.api.LabourCatalogue;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.PartNumbers;
import org.opendms.workorder.api.QualityControl;
import org.opendms.workorder.api.Reception;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrders;
import org.opendms.workorder.api.event.WorkOrderListener;

/**
 * The real work-order services on a test database (the core files, staff, appointments and work-order changelogs
 * migrated), wired as DS wires them, for the tests of modules that register the work order's hooks and listeners (the
 * parts module). In the implementation's package because DS wants the services' fields package-private. Every login
 * "*.tech" is a technician.
 */
public final class WorkOrdersForTests {

    private final WorkOrderStore store;
    public final WorkOrders workOrders;
    public final WorkOrderFlow flow;
    public final Reception reception;
    public final Jobs jobs;
    public final LabourCatalogue catalogue;
    public final QualityControl qc;
    public final PartLines partLines;
    public final CoreFilesForTests core;

    private WorkOrdersForTests(WorkOrderStore store, CoreFilesForTests core, ShopClock clock, TestDatabase db) {
        this.store = store;
        this.core = core;
        StaffDirectory technicians = new Technicians();
        JpaWorkOrderFlow f = new JpaWorkOrderFlow(store);
        flow = f;
        workOrders = new JpaWorkOrders(store, core.customers());
        reception = new JpaReception(store, f, core.vehicles(),
                AppointmentBookForTests.on(db, core.customers(), core.vehicles(), technicians, clock,
                        id -> new WorkOrderReferences(store).plateOf(id)),
                technicians);
        jobs = new JpaJobs(store);
        catalogue = new JpaLabourCatalogue(store, StaffForTests.on(db, clock).skills());
        qc = new JpaQualityControl(store);
        partLines = new JpaPartLines(store);
    }

    public static WorkOrdersForTests on(TestDatabase db, ShopClock clock) {
        CoreFilesForTests core = CoreFilesForTests.on(db);
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        db.migrate("db/org.opendms.workorder.impl/changelog.xml");
        WorkOrderStore store = new WorkOrderStore(db.jpa("dms-workorder"), clock, new BigDecimal("0.13"), 30, 3000);
        store.permissions = TestPermissions.of();
        store.audit = new JpaAuditTrail(store.jpa, store.clock, store.permissions);
        return new WorkOrdersForTests(store, core, clock, db);
    }

    /** What the parts module registers: its catalogue, completion rule and listener (empty lists: none). */
    public void register(List<PartNumbers> partNumbers, List<CompletionRule> rules,
            List<WorkOrderListener> listeners) {
        store.partNumbers = List.copyOf(partNumbers);
        store.completionRules = List.copyOf(rules);
        store.listeners = List.copyOf(listeners);
    }

    private static final class Technicians implements StaffDirectory {
        @Override
        public Optional<Technician> technician(String login) {
            return login.matches("[a-z0-9]+\\.tech") ? Optional.of(new Technician(login, login, null, List.of()))
                    : Optional.empty();
        }

        @Override
        public List<Technician> technicians() {
            return List.of();
        }

        @Override
        public Optional<StaffMember> member(String login) {
            return Optional.empty();
        }
    }
}
