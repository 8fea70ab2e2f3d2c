package org.opendms.appointment.impl;

import org.opendms.platform.testing.TestDatabase;

class AppointmentServiceDerbyTest extends AppointmentServiceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
