package org.opendms.staff.impl;

import org.opendms.platform.testing.TestDatabase;

class StaffServiceDerbyTest extends StaffServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
