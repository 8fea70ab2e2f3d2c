package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class PartLinesDerbyTest extends PartLinesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
