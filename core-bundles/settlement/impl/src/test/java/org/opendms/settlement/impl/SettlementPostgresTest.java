package org.opendms.settlement.impl;

import org.opendms.platform.testing.TestDatabase;

class SettlementPostgresTest extends SettlementContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
