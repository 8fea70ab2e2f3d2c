package org.opendms.invoicing.impl;

import org.opendms.platform.testing.TestDatabase;

class InvoiceDerbyTest extends InvoiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
