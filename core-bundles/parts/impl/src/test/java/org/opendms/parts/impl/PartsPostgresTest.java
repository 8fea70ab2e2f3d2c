package org.opendms.parts.impl;

import org.opendms.platform.testing.TestDatabase;

class PartsPostgresTest extends PartsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
