package org.opendms.staff.impl;

import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.SkillCatalogue;

/**
 * The real skill catalogue and staff accounts on a test database, migrated by the staff changelog. In the
 * implementation's package because DS wants the service's fields package-private.
 */
public final class StaffForTests {

    private final TestDatabase db;
    private final ShopClock clock;
    private JpaSkillCatalogue skills;

    private StaffForTests(TestDatabase db, ShopClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static StaffForTests on(TestDatabase db, ShopClock clock) {
        db.migrate("db/org.opendms.staff.impl/changelog.xml");
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        return new StaffForTests(db, clock);
    }

    /** The catalogue seeded with the eight default skills. */
    public synchronized SkillCatalogue skills() {
        if (skills == null) {
            skills = new JpaSkillCatalogue();
            skills.jpa = db.jpa("dms-staff");
            skills.permissions = TestPermissions.of();
            skills.clock = clock;
        }
        return skills;
    }

    /** Staff accounts (and the staff directory) checking skills against {@link #skills()}. */
    public JpaStaffService staff() {
        JpaStaffService service = new JpaStaffService();
        service.jpa = db.jpa("dms-staff");
        service.permissions = TestPermissions.of();
        service.clock = clock;
        service.skills = skills();
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, service.permissions);
        return service;
    }
}
