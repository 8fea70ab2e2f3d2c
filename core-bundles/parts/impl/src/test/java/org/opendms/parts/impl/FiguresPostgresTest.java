package org.opendms.parts.impl;

import org.opendms.platform.testing.TestDatabase;

class FiguresPostgresTest extends FiguresContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
