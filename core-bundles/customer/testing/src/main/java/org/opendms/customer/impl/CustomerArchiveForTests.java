package org.opendms.customer.impl;

import org.opendms.audit.impl.JpaAuditTrail;

import org.opendms.customer.api.CustomerService;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;

/**
 * The real customer archive on a test database, for tests of bundles that check customers exist. It lives in the
 * customer implementation's package because the service's JpaTemplate field is package-private, as DS wants it.
 */
public final class CustomerArchiveForTests {

    private CustomerArchiveForTests() {
    }

    /** Migrates the customer tables into the database and returns a service over them. */
    public static CustomerService on(TestDatabase db) {
        db.migrate("db/org.opendms.customer.impl/changelog.xml");
        JpaCustomerService service = new JpaCustomerService();
        service.jpa = db.jpa("dms-customer");
        service.permissions = TestPermissions.of();
        service.clock = TestShopClock.system();
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
        return service;
    }
}
