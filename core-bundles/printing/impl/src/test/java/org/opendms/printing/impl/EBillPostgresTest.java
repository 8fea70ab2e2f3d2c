package org.opendms.printing.impl;

import org.opendms.platform.testing.TestDatabase;

class EBillPostgresTest extends EBillContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
