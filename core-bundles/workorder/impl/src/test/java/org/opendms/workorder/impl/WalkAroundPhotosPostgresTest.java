package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WalkAroundPhotosPostgresTest extends WalkAroundPhotosContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
