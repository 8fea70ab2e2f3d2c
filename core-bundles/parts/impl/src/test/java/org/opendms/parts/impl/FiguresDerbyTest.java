package org.opendms.parts.impl;

import org.opendms.platform.testing.TestDatabase;

class FiguresDerbyTest extends FiguresContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
