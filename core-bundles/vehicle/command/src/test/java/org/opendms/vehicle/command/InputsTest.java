package org.opendms.vehicle.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.vehicle.api.EnergyType;

class InputsTest {

    @Test
    void readsWhatWasTyped() {
        Violations v = new Violations();
        assertEquals(2022, Inputs.integer(v, "year", " 2022 "));
        assertEquals(LocalDate.of(2026, 3, 1), Inputs.date(v, "insuranceDueDate", "2026-03-01"));
        assertEquals(EnergyType.PLUG_IN_HYBRID, Inputs.energy(v, "energyType", "plug-in_hybrid"));
        assertNull(Inputs.integer(v, "year", " "));
        assertNull(Inputs.date(v, "insuranceDueDate", null));
        assertNull(Inputs.energy(v, "energyType", ""));
        assertTrue(v.isEmpty());
    }

    @Test
    void namesEveryFieldThatCannotBeRead() {
        Violations v = new Violations();
        Inputs.integer(v, "year", "2022年");
        Inputs.date(v, "insuranceDueDate", "2026-02-30");
        Inputs.energy(v, "energyType", "STEAM");
        List<Violation> found = v.list();
        assertEquals(List.of("year", "insuranceDueDate", "energyType"), found.stream().map(Violation::field).toList());
        assertTrue(found.get(2).messageEn().contains("PETROL"), found.get(2).messageEn());
    }
}
