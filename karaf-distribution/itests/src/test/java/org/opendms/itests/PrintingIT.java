package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * Printed sheets and the e-bill over HTTP (issue 14, items 7 and 8): a settled visit prints each sheet as the role that
 * hands it over, on each paper; the customer opens the e-bill without a login; unknown tokens reveal nothing, and an
 * address that keeps trying is slowed down.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PrintingIT extends DmsTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected ConfigurationAdmin configurations;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatformPatiently("settlements/tenders", "cashier");
    }

    /** A GET as bytes (PDFs), with Basic login when a user is given. */
    static HttpResponse<byte[]> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void assertPdf(HttpResponse<byte[]> r) {
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue("a PDF", new String(r.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        assertTrue("under 100 kB: " + r.body().length, r.body().length < 100_000);
    }

    @Test
    public void aSettledVisitPrintsEverySheetAndTheCustomerOpensTheEBill() throws Exception {
        JsonNode wo = SettlementIT.completedWorkOrder();
        long id = wo.path("id").asLong();
        String sheets = "work-orders/" + id + "/sheets/";

        Reply unsettled = call("GET", sheets + "bill", "cashier", null, "Accept", "application/json");
        assertEquals(unsettled.raw(), 409, unsettled.status());
        assertEquals("settlement.none", unsettled.code(0));

        JsonNode docs = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + id
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"},\"roundTo\":\"JIAO\"}"), 201);
        JsonNode bill = docs.path(0);
        ok(call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"WECHAT\",\"amount\":100.00,\"reference\":\"4200" + unique()
                        + "0002\"},{\"method\":\"CASH\",\"amount\":146.90,\"tendered\":200}]}",
                "If-Match", "\"" + bill.path("version").asLong() + "\""), 200);

        // each sheet as the role that hands it over, on each paper
        String[][] prints = { { "authorisation", "advisor", "A4" }, { "job-sheet", "foreman", "A5" },
                { "pick-list", "parts", "241" }, { "bill", "cashier", "A4" }, { "bill", "advisor", "A5" },
                { "certificate", "advisor", "241" } };
        for (String[] p : prints) {
            assertPdf(get(sheets + p[0] + "?paper=" + p[2], p[1], null));
        }
        assertEquals("a technician prints no bill", 403, get(sheets + "bill", "technician", null).statusCode());
        assertEquals("the parts clerk prints no authorisation", 403,
                get(sheets + "authorisation", "parts", null).statusCode());
        Reply badPaper = call("GET", sheets + "bill?paper=A3", "cashier", null, "Accept", "application/json");
        assertEquals(badPaper.raw(), 400, badPaper.status());
        assertEquals("paper", badPaper.field(0));
        Reply badKind = call("GET", sheets + "receipt", "cashier", null, "Accept", "application/json");
        assertEquals(badKind.raw(), 400, badKind.status());
        assertEquals("kind", badKind.field(0));
        assertEquals(404, call("GET", "work-orders/99999999/sheets/bill", "cashier", null, "Accept",
                "application/json").status());

        // the console writes the same sheet to a file
        Path file = Files.createTempFile("bill", ".pdf");
        String printed = console("dms:print --paper A5 bill " + id + " " + file);
        assertTrue(printed, printed.contains("bytes"));
        assertTrue(printed, Files.size(file) > 1000);

        // the customer's e-bill: no login, the plate masked, only the bill and the certificate
        JsonNode link = ok(call("POST", "work-orders/" + id + "/e-bill", "cashier", null), 201);
        String token = link.path("token").asText();
        assertTrue(link.toString(), link.path("url").asText().endsWith("/api/e-bill/" + token));
        HttpResponse<byte[]> json = get("e-bill/" + token, null, "application/json");
        String shown = new String(json.body(), StandardCharsets.UTF_8);
        assertEquals(shown, 200, json.statusCode());
        JsonNode eBill = JSON.readTree(shown);
        assertEquals(wo.path("number").asText(), eBill.path("workOrderNumber").asText());
        assertEquals(shown, 0, new java.math.BigDecimal("246.90").compareTo(eBill.path("payable").decimalValue()));
        assertFalse("no plate in full: " + shown, shown.contains(wo.path("plate").asText()));
        assertFalse("no customer name: " + shown, shown.contains("孙先生"));
        HttpResponse<byte[]> page = get("e-bill/" + token, null, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains(wo.path("number").asText()));
        assertPdf(get("e-bill/" + token + "/bill", null, null));
        assertPdf(get("e-bill/" + token + "/certificate?paper=A5", null, null));
        assertEquals(404, get("e-bill/" + token + "/job-sheet", null, null).statusCode());

        // an unknown or malformed token: 404 and nothing else
        for (String wrong : new String[] { "A".repeat(43), "x", token.substring(1) + "A" }) {
            HttpResponse<byte[]> r = get("e-bill/" + wrong, null, "application/json");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(body, 404, r.statusCode());
            assertFalse(body, body.contains(wo.path("number").asText()) || body.contains("246.9"));
            assertEquals(404, get("e-bill/" + wrong + "/bill", null, null).statusCode());
        }
    }

    @Test
    public void anAddressThatKeepsTryingTokensIsSlowedDown() throws Exception {
        Configuration c = configurations.getConfiguration("org.opendms.printing", null);
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("eBillRequestsPerMinute", 3);
        c.update(p);
        Thread.sleep(1500); // configuration admin hands it to the components asynchronously
        try {
            int last = 0;
            String retryAfter = null;
            for (int i = 0; i < 4; i++) {
                HttpResponse<byte[]> r = get("e-bill/" + "B".repeat(43), null, "application/json");
                last = r.statusCode();
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
            assertEquals(429, last);
            assertTrue("Retry-After in seconds: " + retryAfter, retryAfter != null && Long.parseLong(retryAfter) > 0);
        } finally {
            c.delete();
            Thread.sleep(1500);
        }
    }
}
