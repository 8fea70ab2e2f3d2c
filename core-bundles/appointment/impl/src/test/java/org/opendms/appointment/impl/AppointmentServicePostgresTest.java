package org.opendms.appointment.impl;

import org.opendms.platform.testing.TestDatabase;

class AppointmentServicePostgresTest extends AppointmentServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
