package org.opendms.settlement.impl;

import org.opendms.platform.testing.TestDatabase;

class CreditPostgresTest extends CreditContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
