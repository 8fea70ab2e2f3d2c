package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class PartLinesPostgresTest extends PartLinesContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
