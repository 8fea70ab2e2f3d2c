package org.opendms.vehicle.impl;

import org.opendms.audit.impl.JpaAuditTrail;

import java.util.List;

import org.opendms.customer.api.CustomerService;
import org.opendms.customer.impl.CustomerArchiveForTests;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.VehicleWork;
import org.opendms.vehicle.api.event.VehicleListener;

/**
 * The real core customer and vehicle archives on a test database, migrated by core's own changelogs, with
 * the vehicle service telling the plugin's listeners as it does in Karaf. In the vehicle implementation's package
 * because DS wants the service's fields package-private.
 */
public record CoreFilesForTests(CustomerService customers, VehicleService vehicles) {

    public static CoreFilesForTests on(TestDatabase db, VehicleListener... listeners) {
        db.migrate("db/org.opendms.vehicle.impl/changelog.xml");
        CustomerService customers = CustomerArchiveForTests.on(db);
        JpaVehicleService vehicles = new JpaVehicleService();
        vehicles.jpa = db.jpa("dms-vehicle");
        vehicles.permissions = TestPermissions.of();
        vehicles.customers = customers;
        vehicles.clock = TestShopClock.system();
        vehicles.listeners = List.of(listeners);
        vehicles.audit = new JpaAuditTrail(db.jpa("dms-audit"), vehicles.clock, vehicles.permissions);
        return new CoreFilesForTests(customers, vehicles);
    }

    /** Tells the vehicle archive which cars technicians work on, as the work-order bundle does in Karaf. */
    public void workOn(VehicleWork work) {
        ((JpaVehicleService) vehicles).work = work;
    }
}
