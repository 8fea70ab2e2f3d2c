package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail over real HTTP as real users: an advisor changes a customer's address and notes and a vehicle's
 * owner, the manager a labour operation's standard time; the manager then reads each record's trail with the old and
 * new values, personal data masked, and searches the log; nobody else reads it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuditTrailIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatformPatiently("audit?size=1", "manager");
    }

    static String customer(String name, String mobile, String address, String note) {
        return "{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"mobile\":\"" + mobile + "\",\"address\":\"" + address
                + "\",\"note\":\"" + note + "\"}";
    }

    /** The entries of a page by field name (the newest one of each field). */
    static Map<String, JsonNode> byField(JsonNode page) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (JsonNode e : page.path("items")) {
            fields.putIfAbsent(e.path("field").asText(), e);
        }
        return fields;
    }

    @Test
    public void theManagerReadsWhoChangedAddressNotesPriceAndOwnerWithOldAndNewValuesMasked() throws Exception {
        long n = unique();
        String mobile = newMobile();
        Reply created = call("POST", "customers", "advisor",
                customer("审计客户" + n, mobile, "北京市朝阳区建国路88号院3号楼", "老客户，周末来"));
        assertEquals(created.raw(), 201, created.status());
        long id = created.json().path("id").asLong();
        Reply changed = call("PUT", "customers/" + id, "advisor",
                customer("审计客户" + n, mobile, "上海市浦东新区世纪大道100号", "VIP，只接受短信"), "If-Match", created.etag());
        assertEquals(changed.raw(), 200, changed.status());
        // a refused change (stale version) leaves no entry
        Reply stale = call("PUT", "customers/" + id, "advisor",
                customer("审计客户" + n, mobile, "广州市天河区体育西路1号", "不该留痕"), "If-Match", created.etag());
        assertEquals(stale.raw(), 409, stale.status());

        Reply trail = call("GET", "audit?type=customer&id=" + id, "manager", null);
        assertEquals(trail.raw(), 200, trail.status());
        Map<String, JsonNode> fields = byField(trail.json());
        JsonNode address = fields.get("address");
        assertEquals("CHANGED", address.path("action").asText());
        assertEquals("advisor", address.path("actor").asText());
        assertEquals("REST", address.path("channel").asText());
        assertEquals("北京市朝阳区…", address.path("oldValue").asText());
        assertEquals("上海市浦东新…", address.path("newValue").asText());
        JsonNode note = fields.get("note");
        assertEquals("老客户，周末来", note.path("oldValue").asText());
        assertEquals("VIP，只接受短信", note.path("newValue").asText());
        assertEquals("created with its mobile masked", mobile.substring(0, 3) + "****" + mobile.substring(7),
                fields.get("mobileMasked").path("newValue").asText());
        assertFalse("the full mobile is nowhere in the trail", trail.raw().contains(mobile));
        assertFalse("nor the full address", trail.raw().contains("建国路88号"));
        assertFalse("the refused change left nothing", trail.raw().contains("广州"));
        assertEquals("address and note changed once, the creation's fields once", 2,
                count(trail.json(), "CHANGED"));

        // a labour operation's standard time (the billed hours: its price at the shop's rate)
        String code = "AU-" + n % 100_000;
        Reply op = call("POST", "labour-operations", "manager",
                "{\"code\":\"" + code + "\",\"name\":\"审计工时\",\"flatRateHours\":1.2}");
        assertEquals(op.raw(), 201, op.status());
        Reply cheaper = call("PUT", "labour-operations/" + code, "manager",
                "{\"code\":\"" + code + "\",\"name\":\"审计工时\",\"flatRateHours\":0.3}", "If-Match", op.etag());
        assertEquals(cheaper.raw(), 200, cheaper.status());
        JsonNode hours = call("GET", "audit?type=labour-operation&id=" + code + "&field=flatRateHours", "manager",
                null).json();
        assertEquals(hours.toString(), 2, hours.path("total").asInt());
        JsonNode price = hours.path("items").path(0);
        assertEquals("manager", price.path("actor").asText());
        assertEquals(0, new BigDecimal("1.2").compareTo(new BigDecimal(price.path("oldValue").asText())));
        assertEquals(0, new BigDecimal("0.3").compareTo(new BigDecimal(price.path("newValue").asText())));

        // a vehicle sold to another customer
        long buyer = ok(call("POST", "customers", "advisor", customer("新车主" + n, newMobile(), "天津市", "")), 201)
                .path("id").asLong();
        String vehicle = "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\"" + TestData.plate(n) + "\",\"ownerId\":";
        Reply car = call("POST", "vehicles", "advisor", vehicle + id + "}");
        assertEquals(car.raw(), 201, car.status());
        long carId = car.json().path("id").asLong();
        Reply sold = call("PUT", "vehicles/" + carId, "advisor", vehicle + buyer + "}", "If-Match", car.etag());
        assertEquals(sold.raw(), 200, sold.status());
        JsonNode owner = byField(call("GET", "audit?type=vehicle&id=" + carId, "manager", null).json())
                .get("ownerId");
        assertEquals("CHANGED", owner.path("action").asText());
        assertEquals(Long.toString(id), owner.path("oldValue").asText());
        assertEquals(Long.toString(buyer), owner.path("newValue").asText());

        // the searchable log: by who, field and day (shop time), paged; the admin reads it too
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode log = call("GET", "audit?actor=advisor&field=address&from=" + today + "&to=" + today + "&size=200",
                "admin", null).json();
        assertTrue(log.toString(), log.path("total").asInt() >= 1);
        boolean found = false;
        for (JsonNode e : log.path("items")) {
            assertEquals("address", e.path("field").asText());
            assertEquals("advisor", e.path("actor").asText());
            found |= e.path("recordId").asText().equals(Long.toString(id))
                    && "CHANGED".equals(e.path("action").asText());
        }
        assertTrue(log.toString(), found);

        // and on the console
        String shown = console("dms:audit customer " + id);
        assertTrue(shown, shown.contains("address") && shown.contains("上海市浦东新…"));
    }

    @Test
    public void onlyTheManagerAndAdminReadTheTrailAndBadParametersAreRefusedNamingThem() throws Exception {
        assertEquals(403, call("GET", "audit", "advisor", null).status());
        assertEquals(403, call("GET", "audit?type=customer&id=1", "technician", null).status());
        assertEquals(401, call("GET", "audit", null, null).status());
        Reply badDay = call("GET", "audit?from=yesterday", "manager", null);
        assertEquals(badDay.raw(), 400, badDay.status());
        assertEquals("from", badDay.field(0));
        Reply backwards = call("GET", "audit?from=2026-12-02&to=2026-12-01", "manager", null);
        assertEquals(backwards.raw(), 400, backwards.status());
        assertEquals("from", backwards.field(0));
        Reply idWithoutType = call("GET", "audit?id=42", "manager", null);
        assertEquals(idWithoutType.raw(), 400, idWithoutType.status());
        assertEquals("type", idWithoutType.field(0));
    }

    private static int count(JsonNode page, String action) {
        int n = 0;
        for (JsonNode e : page.path("items")) {
            n += action.equals(e.path("action").asText()) ? 1 : 0;
        }
        return n;
    }
}
