package org.opendms.parts.impl.workorder;

import org.opendms.platform.testing.TestDatabase;

class WorkOrderPartsPostgresTest extends WorkOrderPartsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
