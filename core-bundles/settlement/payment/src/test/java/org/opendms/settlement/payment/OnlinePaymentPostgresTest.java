package org.opendms.settlement.payment;

import org.opendms.platform.testing.TestDatabase;

class OnlinePaymentPostgresTest extends OnlinePaymentContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
