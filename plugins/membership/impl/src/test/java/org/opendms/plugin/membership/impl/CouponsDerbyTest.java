package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class CouponsDerbyTest extends CouponsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
