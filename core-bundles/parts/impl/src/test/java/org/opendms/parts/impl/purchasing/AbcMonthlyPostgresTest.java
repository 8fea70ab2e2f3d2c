package org.opendms.parts.impl.purchasing;

import org.opendms.platform.testing.TestDatabase;

class AbcMonthlyPostgresTest extends AbcMonthlyContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
