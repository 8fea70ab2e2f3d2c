package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderDeskDerbyTest extends WorkOrderDeskContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
