package org.opendms.audit.impl;

import org.opendms.platform.testing.TestDatabase;

class AuditTrailDerbyTest extends AuditTrailContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
