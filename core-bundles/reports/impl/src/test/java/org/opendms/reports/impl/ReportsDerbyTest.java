package org.opendms.reports.impl;

import org.opendms.platform.testing.TestDatabase;

class ReportsDerbyTest extends ReportsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
