package org.opendms.vehicle.impl;

import org.opendms.customer.api.CustomerService;
import org.opendms.customer.impl.CustomerServiceOn;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.vehicle.api.VehicleService;

/**
 * The real core customer and vehicle archives on the work-order tests' database, migrated by core's own changelogs.
 * In the vehicle implementation's package because DS wants the service's fields package-private.
 */
public record CoreFilesForTests(CustomerService customers, VehicleService vehicles) {

    public static CoreFilesForTests on(TestDatabase db) {
        db.migrate("db/org.opendms.customer.impl/changelog.xml");
        db.migrate("db/org.opendms.vehicle.impl/changelog.xml");
        CustomerService customers = CustomerServiceOn.template(db.jpa("dms-customer"));
        JpaVehicleService vehicles = new JpaVehicleService();
        vehicles.jpa = db.jpa("dms-vehicle");
        vehicles.customers = customers;
        return new CoreFilesForTests(customers, vehicles);
    }
}
