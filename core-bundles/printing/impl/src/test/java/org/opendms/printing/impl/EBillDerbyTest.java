package org.opendms.printing.impl;

import org.opendms.platform.testing.TestDatabase;

class EBillDerbyTest extends EBillContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
