package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class DeliveryRulesPostgresTest extends DeliveryRulesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
