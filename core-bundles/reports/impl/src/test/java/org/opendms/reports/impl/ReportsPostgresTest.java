package org.opendms.reports.impl;

import org.opendms.platform.testing.TestDatabase;

class ReportsPostgresTest extends ReportsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
