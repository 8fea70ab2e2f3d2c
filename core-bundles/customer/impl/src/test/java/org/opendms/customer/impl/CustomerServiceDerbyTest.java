package org.opendms.customer.impl;

import org.opendms.platform.testing.TestDatabase;

class CustomerServiceDerbyTest extends CustomerServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
