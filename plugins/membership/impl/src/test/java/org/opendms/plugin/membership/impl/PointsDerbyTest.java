package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class PointsDerbyTest extends PointsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
