package org.opendms.invoicing.impl;

import org.opendms.platform.testing.TestDatabase;

class InvoicePostgresTest extends InvoiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
