package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shop's settings over real HTTP: who reads and changes them, refusals that change nothing, and their effect. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShopSettingsIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    private static JsonNode settings() throws Exception {
        Reply r = call("GET", "shop-settings", "technician", null);
        assertEquals(r.raw(), 200, r.status());
        return r.json();
    }

    private static Set<String> fields(Reply r) {
        Set<String> fields = new HashSet<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    public void everyoneReadsTheShopsTimeZoneAndVat() throws Exception {
        JsonNode s = settings();
        assertEquals("Asia/Shanghai", s.path("timeZone").asText());
        assertTrue(s.toString(), s.path("vatRate").decimalValue().signum() > 0);
        assertTrue(s.toString(), s.path("version").asText().length() > 0);
    }

    @Test
    public void anAdvisorMayNotChangeThemAndBadInputChangesNothing() throws Exception {
        JsonNode before = settings();
        ObjectNode change = before.deepCopy();
        change.put("bays", before.path("bays").asInt() + 1);
        Reply advisor = call("PUT", "shop-settings", "advisor", change.toString());
        assertEquals(advisor.raw(), 403, advisor.status());

        ObjectNode bad = change.deepCopy();
        bad.put("opens", "17:00").put("closes", "09:00").put("vatRate", new java.math.BigDecimal("0.2"))
                .put("comebackDays", 0).put("timeZone", "Europe/Berlin");
        Reply refused = call("PUT", "shop-settings", "manager", bad.toString(), "Accept-Language", "en");
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals(refused.raw(), Set.of("closes", "vatRate", "comebackDays", "timeZone"), fields(refused));
        assertTrue(refused.raw(), refused.raw().contains("VAT rate must be between 0 and 0.17"));
        Reply zh = call("PUT", "shop-settings", "manager",
                change.deepCopy().put("vatRate", new java.math.BigDecimal("0.12345")).toString());
        assertEquals(zh.raw(), 400, zh.status());
        assertEquals("vatRate", zh.field(0));
        assertTrue(zh.raw(), zh.raw().contains("增值税率最多 4 位小数"));
        assertEquals(before, settings());
    }

    @Test
    public void aManagersNewHoursReachTheAppointmentBookAndAStaleSaveIsRefused() throws Exception {
        JsonNode before = settings();
        ObjectNode change = before.deepCopy();
        change.put("opens", "09:00").put("closes", "12:00").put("slotMinutes", 60).put("vatRate",
                new java.math.BigDecimal("0.09"));
        try {
            Reply saved = call("PUT", "shop-settings", "manager", change.toString());
            assertEquals(saved.raw(), 200, saved.status());
            assertNotEquals(before.path("version"), saved.json().path("version"));
            assertEquals("09:00", settings().path("opens").asText());
            // the change is in the audit trail: who, the old and the new hour
            JsonNode trail = call("GET", "audit?type=shop-settings&id=shop&field=opens", "manager", null).json();
            JsonNode opened = trail.path("items").path(0);
            assertEquals(trail.toString(), "manager", opened.path("actor").asText());
            assertEquals(trail.toString(), before.path("opens").asText(), opened.path("oldValue").asText());
            assertEquals(trail.toString(), "09:00", opened.path("newValue").asText());
            assertEquals(0, new java.math.BigDecimal("0.09").compareTo(settings().path("vatRate").decimalValue()));

            // someone saves on what they read before the manager's change
            Reply stale = call("PUT", "shop-settings", "admin",
                    ((ObjectNode) before.deepCopy()).put("bays", 2).toString());
            assertEquals(stale.raw(), 409, stale.status());
            assertEquals("stale_version", stale.code(0));
            assertEquals("09:00", settings().path("opens").asText());

            LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
            long deadline = System.currentTimeMillis() + 30_000;
            List<String> starts = List.of();
            while (!starts.equals(List.of("09:00", "10:00", "11:00"))) {
                assertTrue("the appointment book still shows " + starts, System.currentTimeMillis() < deadline);
                Thread.sleep(100);
                Reply slots = call("GET", "appointments/slots?date=" + day, "advisor", null);
                List<String> now = new java.util.ArrayList<>();
                slots.json().forEach(s -> now.add(s.path("start").asText().substring(0, 5)));
                starts = now;
            }
        } finally {
            ObjectNode restore = before.deepCopy();
            restore.put("version", settings().path("version").asText());
            Reply back = call("PUT", "shop-settings", "admin", restore.toString());
            assertEquals(back.raw(), 200, back.status());
        }
    }
}
