package org.opendms.parts.impl.workorder;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderPartsDerbyTest extends WorkOrderPartsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
