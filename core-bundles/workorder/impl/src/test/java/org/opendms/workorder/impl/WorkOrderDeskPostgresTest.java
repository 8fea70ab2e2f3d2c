package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderDeskPostgresTest extends WorkOrderDeskContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
