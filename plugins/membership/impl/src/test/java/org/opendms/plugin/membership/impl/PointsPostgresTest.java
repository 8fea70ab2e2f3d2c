package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class PointsPostgresTest extends PointsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
