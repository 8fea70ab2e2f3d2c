package org.opendms.staff.impl;

import org.opendms.platform.testing.TestDatabase;

class StaffServicePostgresTest extends StaffServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
