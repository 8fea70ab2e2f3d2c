package org.opendms.plugin.membership.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.testing.WebPagesCheck;

class MembershipPagesTest {

    @Test
    void pagesShipWithTheirModulesChineseStringsAndWithinTheSizeBudget() {
        assertEquals(List.of(), WebPagesCheck.problems(Path.of("src/main/resources/web"), new MembershipPages()));
    }
}
