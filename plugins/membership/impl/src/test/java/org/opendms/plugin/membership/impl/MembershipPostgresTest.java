package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class MembershipPostgresTest extends MembershipContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
