package org.opendms.vehicle.impl;

import org.opendms.platform.testing.TestDatabase;

class VehicleServiceDerbyTest extends VehicleServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
