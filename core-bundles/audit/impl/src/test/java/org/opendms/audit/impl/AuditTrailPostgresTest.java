package org.opendms.audit.impl;

import org.opendms.platform.testing.TestDatabase;

class AuditTrailPostgresTest extends AuditTrailContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
