package org.opendms.parts.impl.purchasing;

import org.opendms.platform.testing.TestDatabase;

class PurchasingDerbyTest extends PurchasingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
