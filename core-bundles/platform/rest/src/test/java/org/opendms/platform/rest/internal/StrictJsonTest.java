package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {

    record Draft(String name, Integer year, Boolean consent) {
    }

    record Stamp(Instant at) {
    }

    private final ObjectMapper mapper = StrictJsonProvider.mapper(ZoneId.of("Asia/Shanghai"));

    private Violation refusal(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, Draft.class));
        return ProblemMapper.describe(e);
    }

    @Test
    void anUnknownFieldIsNamed() {
        Violation v = refusal("{\"name\":\"张伟\",\"shoeSize\":42}");
        assertEquals("shoeSize", v.field());
        assertEquals("unknown_field", v.code());
    }

    @Test
    void aDuplicateKeyIsNamed() {
        Violation v = refusal("{\"name\":\"甲\",\"name\":\"乙\"}");
        assertEquals("name", v.field());
        assertEquals("duplicate_key", v.code());
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        assertEquals("year", refusal("{\"year\":\"2022\"}").field());
        assertEquals("year", refusal("{\"year\":2022.5}").field());
        assertEquals("consent", refusal("{\"consent\":\"yes\"}").field());
        assertEquals("name", refusal("{\"name\":{\"a\":1}}").field());
        assertEquals("wrong_type", refusal("{\"consent\":1}").code());
    }

    @Test
    void brokenOrTrailingJsonIsMalformed() {
        assertEquals("malformed_json", refusal("{\"name\":").code());
        assertEquals("malformed_json", refusal("{\"name\":\"a\"} {\"name\":\"b\"}").code());
    }

    @Test
    void aHugeStringIsRefusedBeforeItIsBuilt() {
        Violation v = refusal("{\"name\":\"" + "长".repeat(StrictJsonProvider.MAX_STRING + 1) + "\"}");
        assertEquals("too_large", v.code());
    }

    @Test
    void timesAreShownInTheShopsZone() throws Exception {
        String json = mapper.writeValueAsString(new Stamp(Instant.parse("2026-11-22T15:44:21.342546973Z")));
        assertEquals("{\"at\":\"2026-11-22T23:44:21.342+08:00\"}", json);
        assertEquals(Instant.parse("2026-11-22T15:44:21.342Z"), mapper.readValue(json, Stamp.class).at());
    }

    @Test
    void anUnknownZoneFallsBackToBeijingTime() {
        assertEquals(ZoneId.of("Asia/Shanghai"), StrictJsonProvider.zone("Mars/Olympus"));
    }
}
