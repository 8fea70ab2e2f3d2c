package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class TiersPostgresTest extends TiersContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
