package org.opendms.settlement.impl;

import org.opendms.platform.testing.TestDatabase;

class SettlementDerbyTest extends SettlementContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
