package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class TiersDerbyTest extends TiersContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
