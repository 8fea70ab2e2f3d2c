package org.opendms.plugin.insurance.impl;

import org.opendms.platform.testing.TestDatabase;

class InsuranceServicePostgresTest extends InsuranceServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
