package org.opendms.plugin.insurance.impl;

import org.opendms.platform.testing.TestDatabase;

class InsuranceServiceDerbyTest extends InsuranceServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
