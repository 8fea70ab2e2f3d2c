package org.opendms.reports.impl;

import org.opendms.platform.testing.TestDatabase;

class CatchUpPostgresTest extends CatchUpContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
