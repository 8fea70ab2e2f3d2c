package org.opendms.plugin.insurance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.testing.WebPagesCheck;

class InsurancePagesTest {

    @Test
    void pagesShipWithTheirModulesChineseStringsAndWithinTheSizeBudget() {
        assertEquals(List.of(), WebPagesCheck.problems(Path.of("src/main/resources/web"), new InsurancePages()));
    }
}
