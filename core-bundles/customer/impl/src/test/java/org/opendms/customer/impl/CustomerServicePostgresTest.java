package org.opendms.customer.impl;

import org.opendms.platform.testing.TestDatabase;

class CustomerServicePostgresTest extends CustomerServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
