package org.opendms.parts.impl.stocktake;

import org.opendms.platform.testing.TestDatabase;

class StocktakeDerbyTest extends StocktakeContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
