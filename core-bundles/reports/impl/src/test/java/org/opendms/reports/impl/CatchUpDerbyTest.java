package org.opendms.reports.impl;

import org.opendms.platform.testing.TestDatabase;

class CatchUpDerbyTest extends CatchUpContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
