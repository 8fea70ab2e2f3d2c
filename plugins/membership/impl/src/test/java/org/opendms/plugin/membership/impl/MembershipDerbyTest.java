package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class MembershipDerbyTest extends MembershipContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
