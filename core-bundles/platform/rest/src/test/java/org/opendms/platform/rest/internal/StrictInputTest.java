package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Text, enums, arrays and body sizes as the JSON provider and the body cap take them. */
class StrictInputTest {

    enum Channel {
        PHONE, WECHAT
    }

    record Line(String note, List<String> tags) {
    }

    record Draft(String name, String notes, Channel channel, List<String> tags, List<Line> lines) {
    }

    record Promise(java.time.OffsetDateTime promisedAt) {
    }

    private final ObjectMapper mapper = StrictJsonProvider.mapper(ZoneId.of("Asia/Shanghai"));

    private Draft read(String json) throws Exception {
        try (JsonParser p = new ItemLimitParser(mapper.createParser(json), StrictJsonProvider.MAX_ITEMS)) {
            return mapper.readValue(p, Draft.class);
        }
    }

    private Violation refusal(String json) {
        Exception e = assertThrows(Exception.class, () -> read(json));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ItemLimitParser.TooManyItems items) {
                return ProblemMapper.tooManyItems(items);
            }
        }
        return ProblemMapper.describe((JsonProcessingException) e);
    }

    @Test
    void aNumberOrABooleanIsNotAName() {
        Violation v = refusal("{\"name\":123}");
        assertEquals("name", v.field());
        assertEquals("wrong_type", v.code());
        assertEquals("wrong_type", refusal("{\"name\":true}").code());
        assertEquals("tags[1]", refusal("{\"tags\":[\"a\",7]}").field());
    }

    @Test
    void textOfZeroWidthCharactersOnlyIsRefusedButBlankTextIsLeftToTheService() throws Exception {
        Violation v = refusal("{\"name\":\"\u200b\u200b\"}");
        assertEquals("name", v.field());
        assertEquals("text.invisible", v.code());
        assertEquals("text.invisible", refusal("{\"name\":\" \ufeff \"}").code());
        assertEquals("  ", read("{\"name\":\"  \"}").name());
        assertEquals("张\u200d伟", read("{\"name\":\"张\u200d伟\"}").name());
    }

    @Test
    void aTimeIsTextNotANumberOfSeconds() throws Exception {
        Exception e = assertThrows(Exception.class,
                () -> mapper.readValue("{\"promisedAt\":2147483648}", Promise.class));
        Violation v = ProblemMapper.describe((JsonProcessingException) e);
        assertEquals("promisedAt", v.field());
        assertEquals("wrong_type", v.code());
        assertEquals(2026, mapper.readValue("{\"promisedAt\":\"2026-12-03T18:00:00+08:00\"}", Promise.class)
                .promisedAt().getYear());
    }

    @Test
    void jsonIsUtf8() {
        assertTrue(WriteGuardFilter.isJson(new MediaType("application", "json")));
        assertTrue(WriteGuardFilter.isJson(new MediaType("application", "json", "UTF-8")));
        assertTrue(WriteGuardFilter.isJson(new MediaType("application", "problem+json")));
        assertTrue(!WriteGuardFilter.isJson(new MediaType("application", "json", "ISO-8859-1")));
    }

    @Test
    void controlCharactersBidiOverridesAndLoneSurrogatesAreRefusedNamingTheField() {
        Violation nul = refusal("{\"name\":\"张\\u0000伟\"}");
        assertEquals("name", nul.field());
        assertEquals("text.control_character", nul.code());
        assertTrue(nul.messageEn().startsWith("name must not contain control characters (character 2, U+0000)"),
                nul.messageEn());
        assertEquals("text.control_character", refusal("{\"name\":\"\\u001b[2J\"}").code());
        assertEquals("text.control_character", refusal("{\"name\":\"a\\u0007\"}").code());
        assertEquals("text.control_character", refusal("{\"name\":\"a\\u009b\"}").code());
        assertEquals("text.bidi_override", refusal("{\"name\":\"abc\\u202Egpj.exe\"}").code());
        assertEquals("text.bidi_override", refusal("{\"name\":\"\\u2066x\"}").code());
        assertEquals("text.unpaired_surrogate", refusal("{\"name\":\"a\\ud800\"}").code());
        assertEquals("text.unpaired_surrogate", refusal("{\"name\":\"\\udc00a\"}").code());
        Violation deep = refusal("{\"lines\":[{\"note\":\"ok\"},{\"note\":\"\\u0000\"}]}");
        assertEquals("lines[1].note", deep.field());
        assertEquals("tags[0]", refusal("{\"tags\":[\"\\u001b\"]}").field());
    }

    @Test
    void aLineBreakIsForNotesOnly() throws Exception {
        assertEquals("text.line_break", refusal("{\"name\":\"张\\n伟\"}").code());
        assertEquals("text.line_break", refusal("{\"tags\":[\"a\\tb\"]}").code());
        Draft d = read("{\"name\":\"张伟 😀\",\"notes\":\"第一行\\r\\n第二行\\t完\",\"lines\":[{\"note\":\"a\\nb\"}]}");
        assertEquals("第一行\r\n第二行\t完", d.notes());
        assertEquals("张伟 😀", d.name());
        assertTrue(StrictText.multiLine("pauseReason"));
        assertTrue(!StrictText.multiLine("concerns") && !StrictText.multiLine("address"));
        assertNull(StrictText.refusal("أهلا שלום 你好", false));
    }

    @Test
    void queryParametersAreOneLineOfCleanText() {
        StrictText.refuseOddQueryText(java.util.Map.of("q", List.of("张伟 138"), "caption", List.of("右后门")));
        org.opendms.platform.api.DmsException e = assertThrows(org.opendms.platform.api.DmsException.class,
                () -> StrictText.refuseOddQueryText(
                        java.util.Map.of("caption", List.of("\u001b[2J"), "q", List.of("a\nb"), "page", List.of("1"))));
        assertEquals(2, e.violations().size());
        assertEquals("caption", e.violations().get(0).field());
        assertEquals("text.control_character", e.violations().get(0).code());
        assertEquals("q", e.violations().get(1).field());
        assertEquals("text.line_break", e.violations().get(1).code());
    }

    @Test
    void enumValuesMatchExactly() throws Exception {
        assertEquals(Channel.PHONE, read("{\"channel\":\"PHONE\"}").channel());
        Violation v = refusal("{\"channel\":\" PHONE\"}");
        assertEquals("channel", v.field());
        assertEquals("wrong_type", v.code());
        assertEquals("channel must be one of: PHONE, WECHAT", v.messageEn());
        assertEquals("wrong_type", refusal("{\"channel\":\"PHONE \"}").code());
        assertEquals("wrong_type", refusal("{\"channel\":\"phone\"}").code());
        assertEquals("wrong_type", refusal("{\"channel\":0}").code());
    }

    @Test
    void anArrayLongerThanTheLimitIsStoppedAtTheFirstItemTooManyNamingIt() throws Exception {
        String ok = "{\"tags\":[" + "\"a\",".repeat(StrictJsonProvider.MAX_ITEMS - 1) + "\"a\"]}";
        assertEquals(StrictJsonProvider.MAX_ITEMS, read(ok).tags().size());
        Violation v = refusal("{\"tags\":[" + "\"a\",".repeat(StrictJsonProvider.MAX_ITEMS) + "\"a\"]}");
        assertEquals("tags", v.field());
        assertEquals("too_many_items", v.code());
        assertEquals("tags may have at most 1000 items", v.messageEn());
        String nested = "{\"lines\":[{\"tags\":[" + "\"a\",".repeat(StrictJsonProvider.MAX_ITEMS) + "\"a\"]}]}";
        assertEquals("lines[0].tags", refusal(nested).field());
    }

    @Test
    void aLongStringNamesItsField() {
        Violation v = refusal("{\"lines\":[{\"note\":\"" + "x".repeat(StrictJsonProvider.MAX_STRING + 1) + "\"}]}");
        assertEquals("too_large", v.code());
        assertEquals("lines[0].note", v.field());
        Violation number = refusal("{\"lines\":[{\"tags\":[],\"note\":" + "1".repeat(100) + "}]}");
        assertEquals("too_large", number.code());
        assertEquals("lines[0].note", number.field());
        JsonProcessingException tooDeep = assertThrows(JsonProcessingException.class, () -> {
            try (JsonParser p = new ItemLimitParser(
                    mapper.createParser("{\"tags\":" + "[".repeat(40) + "]".repeat(40) + "}"), 1000)) {
                mapper.readTree(p);
            }
        });
        Violation deep = ProblemMapper.describe(tooDeep);
        assertEquals("too_large", deep.code());
        assertTrue(deep.field().startsWith("tags[0][0]"), deep.field());
    }

    @Test
    void aBodyStreamStopsAtItsLimitAndTheLimitIsNamed() throws Exception {
        InputStream capped = new BodyLimits.Capped(new ByteArrayInputStream(new byte[5000]), 4096);
        BodyLimits.TooLarge e = assertThrows(BodyLimits.TooLarge.class, () -> capped.readAllBytes());
        assertEquals(4096, e.max);
        assertEquals(4096, new BodyLimits.Capped(new ByteArrayInputStream(new byte[4096]), 4096).readAllBytes().length);
        Violation v = BodyLimits.tooLarge(1024 * 1024);
        assertEquals("body", v.field());
        assertEquals("the request body must be at most 1 MB (1048576 bytes)", v.message(Locale.ENGLISH));
        assertEquals(Long.MAX_VALUE, BodyLimits.declaredLength("20971520x"));
        assertEquals(-1, BodyLimits.declaredLength(null));
        BodyLimits limits = new BodyLimits(1024 * 1024, 32 * 1024 * 1024);
        assertEquals(1024 * 1024, limits.limitFor(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(1024 * 1024, limits.limitFor(new MediaType("application", "merge-patch+json")));
        assertEquals(1024 * 1024, limits.limitFor(null));
        assertEquals(32 * 1024 * 1024, limits.limitFor(new MediaType("image", "jpeg")));
    }

    @Test
    void aWriterThatLostARaceIsAConflictNotAnInternalError() {
        assertEquals("stale_version",
                ProblemMapper.concurrentLoser(new RollbackException(new OptimisticLockException("row changed")))
                        .code());
        assertEquals("duplicate", ProblemMapper
                .concurrentLoser(new PersistenceException(new SQLException("duplicate key", "23505"))).code());
        assertEquals("concurrent_write", ProblemMapper
                .concurrentLoser(new PersistenceException(new SQLException("deadlock detected", "40P01"))).code());
        assertNull(ProblemMapper.concurrentLoser(new PersistenceException(new SQLException("disk full", "53100"))));
    }
}
