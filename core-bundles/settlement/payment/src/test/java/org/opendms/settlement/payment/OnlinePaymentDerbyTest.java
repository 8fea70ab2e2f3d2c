package org.opendms.settlement.payment;

import org.opendms.platform.testing.TestDatabase;

class OnlinePaymentDerbyTest extends OnlinePaymentContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
