package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderServiceDerbyTest extends WorkOrderServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
