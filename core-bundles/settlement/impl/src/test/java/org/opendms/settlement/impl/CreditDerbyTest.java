package org.opendms.settlement.impl;

import org.opendms.platform.testing.TestDatabase;

class CreditDerbyTest extends CreditContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
