package org.opendms.parts.impl.stocktake;

import org.opendms.platform.testing.TestDatabase;

class StocktakePostgresTest extends StocktakeContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
