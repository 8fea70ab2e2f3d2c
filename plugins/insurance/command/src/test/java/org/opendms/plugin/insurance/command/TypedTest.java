package org.opendms.plugin.insurance.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.plugin.insurance.api.PolicyKind;

class TypedTest {

    @Test
    void readsWhatWasTyped() {
        Violations v = new Violations();
        assertEquals(LocalDate.of(2026, 3, 1), Typed.date(v, "startDate", " 2026-03-01 "));
        assertEquals(new BigDecimal("950.50"), Typed.yuan(v, "premium", "950.50"));
        assertEquals(PolicyKind.COMMERCIAL, Typed.kind(v, "kind", "commercial"));
        assertEquals(PolicyKind.COMPULSORY, Typed.kind(v, "kind", "交强险"));
        assertNull(Typed.date(v, "endDate", null));
        assertNull(Typed.yuan(v, "premium", " "));
        assertNull(Typed.kind(v, "kind", ""));
        assertTrue(v.isEmpty());
    }

    @Test
    void namesEveryFieldThatCannotBeRead() {
        Violations v = new Violations();
        Typed.date(v, "startDate", "2026-02-30");
        Typed.yuan(v, "premium", "950元");
        Typed.kind(v, "kind", "盗抢险");
        List<Violation> found = v.list();
        assertEquals(List.of("startDate", "premium", "kind"), found.stream().map(Violation::field).toList());
        assertTrue(found.get(2).messageEn().contains("COMPULSORY"), found.get(2).messageEn());
    }
}
