package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class DeliveryRulesDerbyTest extends DeliveryRulesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
