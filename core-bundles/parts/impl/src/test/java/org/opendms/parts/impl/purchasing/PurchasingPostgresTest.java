package org.opendms.parts.impl.purchasing;

import org.opendms.platform.testing.TestDatabase;

class PurchasingPostgresTest extends PurchasingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
