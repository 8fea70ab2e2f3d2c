package org.opendms.parts.impl.purchasing;

import org.opendms.platform.testing.TestDatabase;

class AbcMonthlyDerbyTest extends AbcMonthlyContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
