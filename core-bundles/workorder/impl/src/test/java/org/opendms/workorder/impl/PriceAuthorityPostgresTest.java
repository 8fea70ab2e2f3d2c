package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class PriceAuthorityPostgresTest extends PriceAuthorityContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
