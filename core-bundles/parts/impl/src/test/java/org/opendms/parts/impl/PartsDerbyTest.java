package org.opendms.parts.impl;

import org.opendms.platform.testing.TestDatabase;

class PartsDerbyTest extends PartsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
