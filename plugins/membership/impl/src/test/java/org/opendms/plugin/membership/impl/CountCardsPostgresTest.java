package org.opendms.plugin.membership.impl;

import org.opendms.platform.testing.TestDatabase;

class CountCardsPostgresTest extends CountCardsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
