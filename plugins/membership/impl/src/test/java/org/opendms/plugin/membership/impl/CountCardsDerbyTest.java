package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class CountCardsDerbyTest extends CountCardsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
