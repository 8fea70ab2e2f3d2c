package org.opendms.platform.api.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;

class AuditedTest {

    static final class Row extends Audited {
    }

    @Test
    void aNewRowIsCreatedAndUpdatedAtTheSameTimeAndAChangeMovesOnlyTheUpdate() {
        Row row = new Row();
        Instant opened = Instant.parse("2026-11-22T02:00:00.123456789Z");
        row.created(opened, new Actor("advisor", Set.of("advisor"), Channel.REST));
        Instant micros = Instant.parse("2026-11-22T02:00:00.123456Z");
        assertEquals(micros, row.createdAt());
        assertEquals(micros, row.updatedAt());

        Instant later = Instant.parse("2026-11-22T03:00:00Z");
        row.updated(later, new Actor("manager", Set.of("manager"), Channel.CONSOLE));
        assertEquals(micros, row.createdAt());
        assertEquals("advisor", row.createdBy());
        assertEquals(later, row.updatedAt());
        assertEquals("manager", row.updatedBy());
    }
}
