package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** /api/customers over real HTTP with the demo users: login, masking, audited reveal, bad input, concurrent edits. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CustomerRestIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    static String person(String name, String mobile) {
        return "{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"mobile\":\"" + mobile
                + "\",\"tags\":[\"VIP\"],\"marketingConsent\":true}";
    }

    private long customerCount() throws Exception {
        Reply all = call("GET", "customers?size=1", "admin", null);
        assertEquals(200, all.status());
        return all.json().path("total").asLong();
    }

    @Test
    public void withoutAValidLoginThereIsNoData() throws Exception {
        Reply none = call("GET", "customers", null, null);
        assertEquals(401, none.status());
        assertTrue(none.contentType().startsWith("application/problem+json"));
        assertFalse(none.raw().contains("items"));
        assertEquals(401, call("GET", "customers", "advisor:wrong", null).status());
        assertEquals(401, call("GET", "customers/1", "nobody:demo", null).status());
        assertEquals(401, call("POST", "customers", null, person("未登录", newMobile())).status());
        assertEquals(401, call("GET", "no-such-thing", null, null).status());
    }

    @Test
    public void anAdvisorCreatesACustomerWhoseMobileListsMasked() throws Exception {
        String mobile = newMobile();
        String name = "钱多多" + unique();
        Reply created = call("POST", "customers", "advisor", person(name, mobile));
        assertEquals(created.raw(), 201, created.status());
        assertNotNull(created.location());
        long id = created.json().path("id").asLong();
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        assertEquals(masked, created.json().path("mobileMasked").asText());
        assertFalse(created.raw().contains(mobile));

        Reply found = call("GET", "customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "cashier", null);
        assertEquals(200, found.status());
        assertEquals(1, found.json().path("total").asLong());
        assertEquals(masked, found.json().path("items").path(0).path("mobileMasked").asText());
        assertFalse(found.raw().contains(mobile));

        Reply byTail = call("GET", "customers?q=" + mobile.substring(7), "advisor", null);
        assertTrue(byTail.raw().contains("\"id\":" + id));

        Reply read = call("GET", "customers/" + id, "parts", null);
        assertEquals("\"" + read.json().path("version").asLong() + "\"", read.etag());
    }

    @Test
    public void theFullMobileIsOnlyForSomeRolesAndEveryReadIsRecorded() throws Exception {
        String mobile = newMobile();
        long id = call("POST", "customers", "advisor", person("孔明" + unique(), mobile)).json().path("id").asLong();

        Reply denied = call("GET", "customers/" + id + "/mobile", "technician", null);
        assertEquals(403, denied.status());
        assertFalse(denied.raw().contains(mobile));

        Reply revealed = call("GET", "customers/" + id + "/mobile", "cashier", null);
        assertEquals(200, revealed.status());
        assertEquals(mobile, revealed.json().path("mobile").asText());

        Reply log = call("GET", "customers/" + id + "/personal-data-access", "manager", null);
        assertEquals(200, log.status());
        assertEquals("READ", log.json().path(0).path("action").asText());
        assertEquals("cashier", log.json().path(0).path("actor").asText());
        assertEquals("REST", log.json().path(0).path("channel").asText());
        assertEquals(403, call("GET", "customers/" + id + "/personal-data-access", "advisor", null).status());
    }

    @Test
    public void everyBadInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = customerCount();
        String ok = newMobile();
        String[][] cases = {
                // body, expected field, expected code
                { "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":\"" + ok + "\",\"shoeSize\":42}", "shoeSize",
                        "unknown_field" },
                { "{\"type\":\"PERSON\",\"name\":\"甲\",\"name\":\"乙\",\"mobile\":\"" + ok + "\"}", "name",
                        "duplicate_key" },
                { "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":", "", "malformed_json" },
                { "not json at all", "", "malformed_json" },
                { "{\"type\":\"ALIEN\",\"name\":\"坏输入\",\"mobile\":\"" + ok + "\"}", "type", "wrong_type" },
                { "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":\"" + ok + "\",\"marketingConsent\":\"yes\"}",
                        "marketingConsent", "wrong_type" },
                { "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":\"" + ok + "\",\"tags\":\"VIP\"}", "tags",
                        "wrong_type" },
                { "{\"type\":\"PERSON\",\"name\":{\"first\":\"坏\"},\"mobile\":\"" + ok + "\"}", "name", "wrong_type" },
                { "[1,2,3]", "", "wrong_type" },
                { "{\"type\":\"PERSON\",\"name\":\"" + "长".repeat(200_000) + "\",\"mobile\":\"" + ok + "\"}", "name",
                        "too_large" },
                { "{\"type\":\"PERSON\",\"name\":\"" + "长".repeat(101) + "\",\"mobile\":\"" + ok + "\"}", "name",
                        "too_long" },
                { "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":\"12345\"}", "mobile", "mobile.format" },
                { "{\"type\":\"PERSON\",\"name\":\" \",\"mobile\":\"" + ok + "\"}", "name", "required" },
                { "", "", "required" },
        };
        for (String[] c : cases) {
            Reply r = call("POST", "customers", "advisor", c[0]);
            String what = c[0].length() > 80 ? c[0].substring(0, 80) + "…" : c[0];
            assertEquals(what + " → " + r.raw(), 400, r.status());
            assertTrue(what, r.contentType().startsWith("application/problem+json"));
            assertEquals(what + " → " + r.raw(), c[1], r.field(0));
            assertEquals(what + " → " + r.raw(), c[2], r.code(0));
            assertFalse(what, r.json().path("errors").path(0).path("message").asText().isBlank());
        }
        Reply plain = call("POST", "customers", "advisor", person("坏输入", ok), "Content-Type", "text/plain");
        assertEquals(415, plain.status());
        assertEquals(400, call("GET", "customers?page=-1", "advisor", null).status());
        assertEquals("size", call("GET", "customers?size=abc", "advisor", null).field(0));
        assertEquals("id", call("GET", "customers/abc", "advisor", null).field(0));
        assertEquals(before, customerCount());
    }

    @Test
    public void anUnknownQueryParameterIsRefusedNamingItOnEveryOperation() throws Exception {
        String jingA = URLEncoder.encode("京A", StandardCharsets.UTF_8);
        Reply typo = call("GET", "customers?plat=" + jingA, "advisor", null, "Accept-Language", "en");
        assertEquals(typo.raw(), 400, typo.status());
        assertTrue(typo.contentType().startsWith("application/problem+json"));
        assertEquals("plat", typo.field(0));
        assertEquals("query.unknown", typo.code(0));
        assertTrue(typo.raw(), typo.json().path("errors").path(0).path("message").asText()
                .startsWith("unknown query parameter plat (known: page, q, size)"));
        assertTrue(call("GET", "customers?plat=" + jingA, "advisor", null).json().path("errors").path(0).path("message")
                .asText().contains("不认识的查询参数 plat"));
        // the known ones still work, and every other resource refuses its own unknowns
        assertEquals(200, call("GET", "customers?q=" + jingA + "&page=0&size=5", "advisor", null).status());
        assertEquals("plat", call("GET", "vehicles?plat=" + jingA, "advisor", null).field(0));
        assertEquals("plat", call("GET", "work-orders?plat=" + jingA, "advisor", null).field(0));
        assertEquals(200, call("GET", "work-orders?plate=" + jingA, "advisor", null).status());
        assertEquals("statuses", call("GET", "appointments?statuses=BOOKED", "advisor", null).field(0));
        Reply created = call("POST", "customers?dryRun=true", "advisor", person("查询参数", newMobile()));
        assertEquals(created.raw(), 400, created.status());
        assertEquals("dryRun", created.field(0));
    }

    @Test
    public void messagesFollowAcceptLanguage() throws Exception {
        String body = "{\"type\":\"PERSON\",\"name\":\"坏输入\",\"mobile\":\"12345\"}";
        Reply zh = call("POST", "customers", "advisor", body);
        Reply en = call("POST", "customers", "advisor", body, "Accept-Language", "en-US,en;q=0.9");
        assertTrue(zh.raw(), zh.json().path("errors").path(0).path("message").asText().contains("手机号"));
        assertTrue(en.raw(), en.json().path("errors").path(0).path("message").asText().startsWith("mobile must be"));
        assertEquals("Invalid input", en.json().path("title").asText());
    }

    @Test
    public void aDuplicateMobileIsAConflictAndOnlyTheFirstIsKept() throws Exception {
        String mobile = newMobile();
        assertEquals(201, call("POST", "customers", "advisor", person("第一位" + unique(), mobile)).status());
        long before = customerCount();
        Reply second = call("POST", "customers", "advisor", person("第二位" + unique(), "+86 " + mobile));
        assertEquals(409, second.status());
        assertEquals("mobile", second.field(0));
        assertEquals(before, customerCount());
    }

    @Test
    public void twoPeopleEditingOneCustomerNeverOverwriteEachOtherSilently() throws Exception {
        String name = "并发" + unique();
        Reply created = call("POST", "customers", "advisor", person(name, newMobile()));
        long id = created.json().path("id").asLong();
        String etag = call("GET", "customers/" + id, "advisor", null).etag();

        Reply first = call("PUT", "customers/" + id, "advisor", person(name + "甲", newMobile()), "If-Match", etag);
        assertEquals(first.raw(), 200, first.status());
        Reply second = call("PUT", "customers/" + id, "manager", person(name + "乙", newMobile()), "If-Match", etag);
        assertEquals(409, second.status());
        assertEquals("version", second.field(0));
        Reply blind = call("PUT", "customers/" + id, "manager", person(name + "丙", newMobile()));
        assertEquals(400, blind.status());
        assertEquals("If-Match", blind.field(0));
        assertEquals(name + "甲", call("GET", "customers/" + id, "advisor", null).json().path("name").asText());
    }

    @Test
    public void aTechnicianCannotCreateCustomers() throws Exception {
        long before = customerCount();
        Reply r = call("POST", "customers", "technician", person("技师建的", newMobile()));
        assertEquals(403, r.status());
        assertEquals(before, customerCount());
    }
}
