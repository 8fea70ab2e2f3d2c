package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
    void aByteOrderMarkOrANulAtTheStartIsRefusedNotSkipped() throws Exception {
        for (byte[] body : new byte[][] { "\uFEFF{}".getBytes(StandardCharsets.UTF_8),
                "\uFEFF{}".getBytes(StandardCharsets.UTF_16BE), "\uFEFF{}".getBytes(StandardCharsets.UTF_16LE) }) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class,
                    () -> StrictJsonProvider.utf8Head(new ByteArrayInputStream(body)));
            Violation v = ProblemMapper.describe(e);
            assertEquals("malformed_json", v.code());
            assertTrue(v.messageEn().contains("byte-order mark"), v.messageEn());
        }
        // a body Jackson would read as UTF-32 (three NULs and a digit): refused as not UTF-8, not an I/O error
        for (String body : new String[] { "2\u0000\u0000\u0000a97{", "\u0000\u0000\u0000 f6:{", "\u0000{}" }) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> StrictJsonProvider
                    .utf8Head(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            assertEquals("malformed_json", ProblemMapper.describe(e).code());
        }
        for (String body : new String[] { "{}", "1", "", "{\"name\":\"张伟\"}" }) {
            assertEquals(body, new String(StrictJsonProvider.utf8Head(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void timesAreShownInTheShopsZone() throws Exception {
        String json = mapper.writeValueAsString(new Stamp(Instant.parse("2026-11-22T15:44:21.342546973Z")));
        assertEquals("{\"at\":\"2026-11-22T23:44:21.342+08:00\"}", json);
        assertEquals(Instant.parse("2026-11-22T15:44:21.342Z"), mapper.readValue(json, Stamp.class).at());
    }

    @Test
    void aTimeOnTheMinuteIsWrittenWithItsSecondsAndReadBack() throws Exception {
        Instant onTheMinute = Instant.parse("2026-12-05T16:53:00Z");
        String json = mapper.writeValueAsString(new Stamp(onTheMinute));
        assertEquals("{\"at\":\"2026-12-06T00:53:00+08:00\"}", json);
        assertEquals(onTheMinute, mapper.readValue(json, Stamp.class).at());
    }

    @Test
    void aTimeIsReadWithOrWithoutSecondsAndWithAnyOffset() throws Exception {
        Instant expected = Instant.parse("2026-12-05T16:53:00Z");
        for (String text : new String[] { "2026-12-06T00:53+08:00", "2026-12-06T00:53:00+08:00",
                "2026-12-05T16:53:00Z", "2026-12-05T16:53Z", "2026-12-05T17:53:00.000+01:00" }) {
            assertEquals(expected, mapper.readValue("{\"at\":\"" + text + "\"}", Stamp.class).at(), text);
        }
    }

    @Test
    void aTimeThatIsNoTimeOrNotTextIsAWrongType() {
        for (String value : new String[] { "\"2026-02-30T10:00:00+08:00\"", "\"2026-12-06T00:53\"", "\"明天\"", "\"\"",
                "1796655601", "true" }) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class,
                    () -> mapper.readValue("{\"at\":" + value + "}", Stamp.class), value);
            assertEquals("wrong_type", ProblemMapper.describe(e).code(), value);
            assertEquals("at", ProblemMapper.describe(e).field(), value);
        }
    }

    @Test
    void anUnknownZoneFallsBackToBeijingTime() {
        assertEquals(ZoneId.of("Asia/Shanghai"), StrictJsonProvider.zone("Mars/Olympus"));
    }
}
