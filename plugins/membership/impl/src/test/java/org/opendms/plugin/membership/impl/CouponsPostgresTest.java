package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class CouponsPostgresTest extends CouponsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
