package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The insurance plugin over real HTTP, installed into the running platform as a dealer would enable it: policies at
 * /api/insurance/policies, the renewal list at /api/insurance/renewals, fed by vehicles registered through core REST.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class InsuranceRestIT extends DmsTestSupport {

    /** The shop's zone as the distribution ships it; the renewal list counts days in it. */
    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    /** The plugin's settings, as the dealer's admin changes them (etc/org.opendms.insurance.cfg, the console). */
    private static final String SETTINGS = "org.opendms.insurance";

    @Inject
    protected ConfigurationAdmin configurations;

    /** The 4S profile the distribution ships enables the plugin at start; another check may have disabled it. */
    @Before
    public void pluginEnabled() throws Exception {
        awaitAnswer("plugins/insurance", "admin", 200);
        if (!call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean()) {
            Reply enabled = call("POST", "plugins/insurance/enable", "admin", null);
            assertEquals(enabled.raw(), 200, enabled.status());
        }
        awaitAnswer("insurance/renewals", "advisor", 200);
    }

    /** Sets the renewal window as an admin would and waits until the running plugin uses it. */
    private void renewalWindow(int days) throws Exception {
        Configuration settings = configurations.getConfiguration(SETTINGS, "?");
        Dictionary<String, Object> values = settings.getProperties() == null ? new Hashtable<>()
                : settings.getProperties();
        values.put("renewalWindowDays", days);
        settings.update(values);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (call("GET", "insurance/renewals", "advisor", null).json().path("days").asInt() != days) {
            assertTrue("the renewal window did not become " + days + " days without a restart",
                    System.nanoTime() < deadline);
            Thread.sleep(100);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(SHOP);
    }

    private long newVehicle(LocalDate insuranceDue) throws Exception {
        Reply owner = call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"投保人" + unique() + "\",\"mobile\":\"" + newMobile() + "\"}");
        assertEquals(owner.raw(), 201, owner.status());
        long n = unique();
        String due = insuranceDue == null ? "" : ",\"insuranceDueDate\":\"" + insuranceDue + "\"";
        Reply v = call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\""
                + TestData.plate(n) + "\",\"make\":\"丰田\",\"model\":\"凯美瑞\",\"ownerId\":"
                + owner.json().path("id").asLong() + due + "}");
        assertEquals(v.raw(), 201, v.status());
        return v.json().path("id").asLong();
    }

    private static String policy(long vehicleId, String kind, LocalDate start, LocalDate end) {
        return "{\"vehicleId\":" + vehicleId + ",\"insurer\":\"中国人保\",\"policyNumber\":\"PDZA" + unique()
                + "\",\"kind\":\"" + kind + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end
                + "\",\"premium\":950.00}";
    }

    /** A year's policy whose last day is {@code end}. */
    private static Reply annual(long vehicleId, String kind, LocalDate end) throws Exception {
        Reply r = call("POST", "insurance/policies", "advisor",
                policy(vehicleId, kind, end.minusYears(1).plusDays(1), end));
        assertEquals(r.raw(), 201, r.status());
        return r;
    }

    private static long policyCount() throws Exception {
        return call("GET", "insurance/policies?size=1", "admin", null).json().path("total").asLong();
    }

    /** The renewal list's items about one vehicle. */
    private static JsonNode renewalsOf(Reply list, long vehicleId) {
        var items = JSON.createArrayNode();
        for (JsonNode item : list.json().path("items")) {
            if (item.path("vehicleId").asLong() == vehicleId) {
                items.add(item);
            }
        }
        return items;
    }

    @Test
    public void aPolicyIsRecordedReadAndFoundByPlate() throws Exception {
        long vehicle = newVehicle(null);
        String plate = call("GET", "vehicles/" + vehicle, "advisor", null).json().path("plate").asText();
        Reply created = call("POST", "insurance/policies", "advisor",
                policy(vehicle, "COMPULSORY", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)));
        assertEquals(created.raw(), 201, created.status());
        assertNotNull("ETag", created.etag());
        assertNotNull("Location", created.location());
        long id = created.json().path("id").asLong();
        assertTrue(created.location(), created.location().endsWith("/api/insurance/policies/" + id));
        assertEquals(plate, created.json().path("plate").asText());
        assertTrue(created.raw(), created.raw().contains("\"premium\":950.00"));

        Reply read = call("GET", "insurance/policies/" + id, "cashier", null);
        assertEquals(read.raw(), 200, read.status());
        assertEquals(created.etag(), read.etag());

        String typed = plate.substring(0, 1) + "a·" + plate.substring(2);
        Reply found = call("GET", "insurance/policies?plate=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
                "advisor", null);
        assertEquals(found.raw(), 1, found.json().path("total").asLong());
        assertEquals(id, found.json().path("items").path(0).path("id").asLong());

        assertTrue("the plugin's paths are in the API document",
                call("GET", "openapi.json", "advisor", null).json().path("paths").has("/insurance/policies"));
    }

    @Test
    public void badPolicyInputNamesTheFieldAndStoresNothing() throws Exception {
        long vehicle = newVehicle(null);
        String good = policy(vehicle, "COMMERCIAL", LocalDate.of(2026, 5, 1), LocalDate.of(2027, 4, 30));
        String[][] cases = {
                { good.replace("\"中国人保\"", "\"保\""), "insurer" },
                { good.replaceFirst("\"PDZA\\d+\"", "\"PD 1\""), "policyNumber" },
                { good.replace("COMMERCIAL", "THEFT"), "kind" },
                { good.replace("2027-04-30", "2026-04-30"), "endDate" },
                { good.replace("2027-04-30", "2027-05-03"), "endDate" },
                { good.replace("950.00", "12.345"), "premium" },
                { good.replace("950.00", "-1"), "premium" },
                { good.replace("950.00", "1000000.01"), "premium" },
                { good.replace("\"vehicleId\":" + vehicle, "\"vehicleId\":999999999"), "vehicleId" },
                { good.replace("2026-05-01", "2026-02-30"), "startDate" },
        };
        long before = policyCount();
        for (String[] c : cases) {
            Reply r = call("POST", "insurance/policies", "advisor", c[0]);
            assertEquals(c[0] + " → " + r.raw(), 400, r.status());
            assertEquals(c[0] + " → " + r.raw(), c[1], r.field(0));
        }
        assertEquals(before, policyCount());
    }

    @Test
    public void anOverlappingPolicyOfTheSameKindIsAConflict() throws Exception {
        long vehicle = newVehicle(null);
        annual(vehicle, "COMPULSORY", LocalDate.of(2026, 12, 31));
        long before = policyCount();
        Reply overlap = call("POST", "insurance/policies", "advisor",
                policy(vehicle, "COMPULSORY", LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 30)));
        assertEquals(overlap.raw(), 409, overlap.status());
        assertEquals("startDate", overlap.field(0));
        assertEquals("policy.overlap", overlap.code(0));
        assertEquals(before, policyCount());
        annual(vehicle, "COMMERCIAL", LocalDate.of(2026, 12, 31));
    }

    @Test
    public void anUpdateNeedsTheVersionReadAndAStaleOneIsRefused() throws Exception {
        long vehicle = newVehicle(null);
        Reply created = annual(vehicle, "COMMERCIAL", LocalDate.of(2026, 12, 31));
        long id = created.json().path("id").asLong();
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("vehicleId", vehicle).put("insurer", "中国人保")
                .put("policyNumber", created.json().path("policyNumber").asText()).put("kind", "COMMERCIAL")
                .put("startDate", created.json().path("startDate").asText())
                .put("endDate", created.json().path("endDate").asText())
                .put("premium", new BigDecimal("5100.00")).put("note", "加保玻璃险"));
        assertEquals(400, call("PUT", "insurance/policies/" + id, "advisor", body).status());
        Reply updated = call("PUT", "insurance/policies/" + id, "advisor", body, "If-Match", created.etag());
        assertEquals(updated.raw(), 200, updated.status());
        assertTrue(updated.raw(), updated.raw().contains("\"premium\":5100.00"));
        assertEquals(updated.etag(), call("GET", "insurance/policies/" + id, "advisor", null).etag());
        Reply stale = call("PUT", "insurance/policies/" + id, "manager", body, "If-Match", created.etag());
        assertEquals(stale.raw(), 409, stale.status());
        assertEquals("stale_version", stale.code(0));
    }

    @Test
    public void theRenewalListShowsTheConfiguredWindowUnlessMoreDaysAreAsked() throws Exception {
        assertEquals("the 4S profile's window", 60,
                call("GET", "insurance/renewals", "advisor", null).json().path("days").asInt());
        long soon = newVehicle(null);
        long later = newVehicle(null);
        annual(soon, "COMPULSORY", today().plusDays(10));
        annual(later, "COMPULSORY", today().plusDays(45));

        renewalWindow(30);
        try {
            Reply window = call("GET", "insurance/renewals", "advisor", null);
            assertEquals(window.raw(), 200, window.status());
            assertEquals(30, window.json().path("days").asInt());
            assertEquals(1, renewalsOf(window, soon).size());
            JsonNode due = renewalsOf(window, soon).get(0);
            assertEquals(10, due.path("daysLeft").asInt());
            assertEquals("POLICY", due.path("source").asText());
            assertEquals("COMPULSORY", due.path("kind").asText());
            assertEquals(0, renewalsOf(window, later).size());
            JsonNode profile = JSON.readTree(Files.readString(
                    Paths.get(System.getProperty("dms.dealer.home"), "dealer-profile.json")));
            assertEquals("the dealer profile keeps the admin's setting", 30, profile.path("plugins").path("insurance")
                    .path("config").path(SETTINGS).path("renewalWindowDays").asInt());
        } finally {
            renewalWindow(60);
        }
        assertEquals(1, renewalsOf(call("GET", "insurance/renewals", "advisor", null), later).size());

        Reply ninety = call("GET", "insurance/renewals?days=90", "cashier", null);
        assertEquals(ninety.raw(), 200, ninety.status());
        assertEquals(1, renewalsOf(ninety, soon).size());
        assertEquals(1, renewalsOf(ninety, later).size());

        for (String days : new String[] { "0", "366", "abc" }) {
            Reply bad = call("GET", "insurance/renewals?days=" + days, "advisor", null);
            assertEquals(bad.raw(), 400, bad.status());
            assertEquals("days", bad.field(0));
        }
        Reply typo = call("GET", "insurance/renewals?day=90", "advisor", null);
        assertEquals("a plugin's operation refuses an unknown query parameter too: " + typo.raw(), 400, typo.status());
        assertEquals("day", typo.field(0));
        assertEquals("query.unknown", typo.code(0));
        assertEquals("plat", call("GET", "insurance/policies?plat=A", "advisor", null).field(0));
        assertEquals(200, call("GET", "insurance/policies?plate=A&size=1", "advisor", null).status());
    }

    @Test
    public void aVehicleWithAnInsuranceDueDateInItsFileIsALead() throws Exception {
        long vehicle = newVehicle(today().plusDays(12));
        JsonNode leads = renewalsOf(call("GET", "insurance/renewals", "advisor", null), vehicle);
        assertEquals(leads.toString(), 1, leads.size());
        assertEquals("VEHICLE_FILE", leads.get(0).path("source").asText());
        assertEquals(12, leads.get(0).path("daysLeft").asInt());
        assertTrue(leads.get(0).path("kind").isNull());

        annual(vehicle, "COMPULSORY", today().plusDays(12).plusYears(1));
        JsonNode after = renewalsOf(call("GET", "insurance/renewals", "advisor", null), vehicle);
        assertEquals("a policy on file covers the due date", 0, after.size());
    }

    @Test
    public void techniciansNeitherReadNorRecordPoliciesAndCashiersOnlyRead() throws Exception {
        long vehicle = newVehicle(null);
        long before = policyCount();
        String body = policy(vehicle, "COMMERCIAL", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertEquals(403, call("POST", "insurance/policies", "technician", body).status());
        assertEquals(403, call("POST", "insurance/policies", "cashier", body).status());
        assertEquals(403, call("GET", "insurance/policies", "technician", null).status());
        assertEquals(403, call("GET", "insurance/renewals", "technician", null).status());
        assertEquals(200, call("GET", "insurance/renewals", "cashier", null).status());
        assertEquals(401, call("GET", "insurance/renewals", null, null).status());
        assertEquals(before, policyCount());
    }
}
