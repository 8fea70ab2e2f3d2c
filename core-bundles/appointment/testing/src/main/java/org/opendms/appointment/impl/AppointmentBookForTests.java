package org.opendms.appointment.impl;

import org.opendms.audit.impl.JpaAuditTrail;

import java.lang.annotation.Annotation;

import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.WorkOrderPlates;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.vehicle.api.VehicleService;

/**
 * The real appointment book on a test database, migrated by its own changelog, open 08:30–17:30 in one-hour slots with
 * room for six vehicles a slot. In the implementation's package because DS wants the service's fields package-private.
 */
public final class AppointmentBookForTests {

    private AppointmentBookForTests() {
    }

    /**
     * @param staff      the directory advisors are checked against
     * @param vehicles   the archive a booked car's owner is checked against
     * @param workOrders which car a work order is for, or null when an arrival may link none
     */
    public static AppointmentService on(TestDatabase db, CustomerService customers, VehicleService vehicles,
            StaffDirectory staff, ShopClock clock, WorkOrderPlates workOrders) {
        db.migrate("db/org.opendms.appointment.impl/changelog.xml");
        JpaAppointmentService service = new JpaAppointmentService();
        service.jpa = db.jpa("dms-appointment");
        service.permissions = TestPermissions.of();
        service.customers = customers;
        service.vehicles = vehicles;
        service.staff = staff;
        service.workOrders = workOrders;
        service.clock = clock;
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, service.permissions);
        service.configure(new WorkshopCapacity.Settings() {
            @Override
            public String opens() {
                return "08:30";
            }

            @Override
            public String closes() {
                return "17:30";
            }

            @Override
            public int slotMinutes() {
                return 60;
            }

            @Override
            public int bays() {
                return 6;
            }

            @Override
            public int technicians() {
                return 6;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkshopCapacity.Settings.class;
            }
        });
        return service;
    }
}
