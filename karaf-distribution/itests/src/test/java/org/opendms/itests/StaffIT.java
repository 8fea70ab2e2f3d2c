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
