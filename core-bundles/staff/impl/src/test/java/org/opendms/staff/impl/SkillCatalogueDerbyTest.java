package org.opendms.staff.impl;

import org.opendms.platform.testing.TestDatabase;

class SkillCatalogueDerbyTest extends SkillCatalogueContract {
    @Override
    TestDatabase database() {
        return TestDatabase.derby();
    }
}
