package org.opendms.vehicle.impl;

import org.opendms.platform.testing.TestDatabase;

class VehicleServicePostgresTest extends VehicleServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
