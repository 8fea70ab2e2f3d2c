package org.opendms.workorder.impl;

import org.opendms.platform.testing.TestDatabase;

class WalkAroundPhotosDerbyTest extends WalkAroundPhotosContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
