package org.opendms.staff.impl;

import org.opendms.platform.testing.TestDatabase;

class SkillCataloguePostgresTest extends SkillCatalogueContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
