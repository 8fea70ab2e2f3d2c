package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Staff accounts over real HTTP and the console: an admin keeps them, the API logs in against them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StaffIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    static String technician(String login, String password) {
        return "{\"login\":\"" + login + "\",\"name\":\"李师傅\",\"password\":\"" + password
                + "\",\"roles\":[\"technician\"],"
                + "\"skills\":[{\"code\":\"机修\",\"level\":4}],\"team\":\"一组\"}";
    }

    @Test
    public void anAdminAddsATechnicianWhoLogsInUntilDisabled() throws Exception {
        String login = "tech" + unique();
        String password = "Li-shifu-2026";
        Reply added = call("POST", "staff", "admin", technician(login, password));
        assertEquals(added.raw(), 201, added.status());
        assertNotNull(added.location());
        assertFalse("no password or hash in the answer",
                added.raw().contains(password) || added.raw().contains("$2y$"));

        String credentials = login + ":" + password;
        assertEquals(200, call("GET", "work-orders?size=1", credentials, null).status());
        assertEquals(401, call("GET", "work-orders?size=1", login + ":wrong-password", null).status());
        assertEquals("a technician keeps no accounts", 403,
                call("POST", "staff", credentials, technician("x" + login, password)).status());

        Reply read = call("GET", "staff/" + login, "admin", null);
        assertEquals(4, read.json().path("skills").path(0).path("level").asInt());
        Reply stale = call("POST", "staff/" + login + "/disable", "admin", null, "If-Match", "\"99\"");
        assertEquals(409, stale.status());
        assertEquals(200, call("GET", "work-orders?size=1", credentials, null).status());

        Reply disabled = call("POST", "staff/" + login + "/disable", "admin", null, "If-Match", read.etag());
        assertEquals(disabled.raw(), 200, disabled.status());
        assertFalse(disabled.json().path("active").asBoolean());
        Reply refused = call("GET", "work-orders?size=1", credentials, null);
        assertEquals(401, refused.status());

        JsonNode changes = call("GET", "staff/" + login + "/changes", "admin", null).json();
        assertEquals("DISABLED", changes.path(0).path("what").asText());
        assertEquals("admin", changes.path(0).path("by").asText());
        assertEquals("ADDED", changes.path(1).path("what").asText());

        String listed = console("dms:staff-list --all");
        assertTrue(listed, listed.contains(login) && listed.contains("disabled"));
    }

    @Test
    public void theManagerKeepsTheSkillCatalogueAndARetiredSkillIsNeverNewlyAssigned() throws Exception {
        JsonNode seeded = ok(call("GET", "skills", "technician", null), 200);
        assertTrue(seeded.toString(), seeded.toString().contains("\"code\":\"HIGH_VOLTAGE\",\"name\":\"高压电工\""));
        assertEquals("技师长", ok(call("GET", "skills/levels", "advisor", null), 200).path(4).path("name").asText());
        String code = "SK_" + unique();
        String body = "{\"code\":\"" + code + "\",\"name\":\"焊接" + code + "\",\"nameEn\":\"welding\"}";
        assertEquals("an advisor keeps no skills", 403, call("POST", "skills", "advisor", body).status());
        Reply added = call("POST", "skills", "manager", body);
        assertEquals(added.raw(), 201, added.status());
        String login = "tech" + unique();
        Reply tech = call("POST", "staff", "admin", "{\"login\":\"" + login + "\",\"name\":\"焊工\",\"password\":"
                + "\"Han-gong-2026\",\"roles\":[\"technician\"],\"skills\":[{\"code\":\"" + code
                + "\",\"level\":3}]}");
        assertEquals(tech.raw(), 201, tech.status());

        Reply retired = call("PUT", "skills/" + code, "manager",
                "{\"name\":\"焊接" + code + "\",\"nameEn\":\"welding\",\"active\":false}", "If-Match", added.etag());
        assertEquals(retired.raw(), 200, retired.status());
        assertFalse(ok(call("GET", "skills?all=true", "advisor", null), 200).toString().isEmpty());
        assertFalse(ok(call("GET", "skills", "advisor", null), 200).toString().contains(code));
        // still on the account; not for someone new, in the skill table, nor in the labour catalogue
        assertEquals(code, ok(call("GET", "staff/" + login, "admin", null), 200).path("skills").path(0).path("code")
                .asText());
        Reply other = call("POST", "staff", "admin", technician("x" + login, "Han-gong-2026").replace("机修", code),
                "Accept-Language", "en");
        assertEquals(other.raw(), 400, other.status());
        assertEquals("skills[0].code", other.field(0));
        assertEquals("skill.retired", other.code(0));
        Reply table = call("POST", "technician-skills", "foreman",
                "{\"technician\":\"" + login + "\",\"skill\":\"" + code + "\",\"level\":3}");
        assertEquals(table.raw(), 400, table.status());
        assertEquals("skill", table.field(0));
        Reply unknown = call("POST", "labour-operations", "manager",
                "{\"code\":\"HJ-" + unique() + "\",\"name\":\"焊接\",\"flatRateHours\":1,\"skill\":\"TAILORING\"}");
        assertEquals(unknown.raw(), 400, unknown.status());
        assertEquals("skill.unknown", unknown.code(0));

        String listed = console("dms:skill-list --all");
        assertTrue(listed, listed.contains(code) && listed.contains("retired") && listed.contains("技师长"));
    }

    @Test
    public void badInputIsRefusedNamingTheFieldsAndAddsNobody() throws Exception {
        int before = call("GET", "staff?all=true", "admin", null).json().size();
        Reply bad = call("POST", "staff", "admin", "{\"login\":\"Bad Login\",\"name\":\"王\",\"password\":\"short\","
                + "\"roles\":[\"technician\"],\"skills\":[{\"code\":\"钣金\",\"level\":9}]}");
        assertEquals(400, bad.status());
        assertEquals("login", bad.field(0));
        assertEquals("password", bad.field(1));
        assertEquals("skills[0].level", bad.field(2));
        assertEquals(before, call("GET", "staff?all=true", "admin", null).json().size());
    }

    @Test
    public void theDemoUsersOfUsersPropertiesStillLogInAsStaff() throws Exception {
        assertEquals(200, call("GET", "customers?size=1", "advisor", null).status());
        JsonNode staff = call("GET", "staff", "admin", null).json();
        boolean advisor = false;
        for (JsonNode s : staff) {
            advisor |= s.path("login").asText().equals("advisor") && s.path("roles").toString().contains("advisor");
        }
        assertTrue(staff.toString(), advisor);
        String consoleAdd = console(
                "dms:staff-add --password demo-pass-1 --role technician --skill 电工:3 wang" + unique() + " 王师傅");
        assertTrue(consoleAdd, consoleAdd.contains("Added"));
    }
}
