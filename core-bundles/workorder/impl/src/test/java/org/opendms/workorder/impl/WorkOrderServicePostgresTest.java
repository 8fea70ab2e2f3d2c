package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderServicePostgresTest extends WorkOrderServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
