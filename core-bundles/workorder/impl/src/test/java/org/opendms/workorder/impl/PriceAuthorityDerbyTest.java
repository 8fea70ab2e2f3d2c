package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class PriceAuthorityDerbyTest extends PriceAuthorityContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
