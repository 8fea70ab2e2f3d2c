package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.zip.ZipEntry;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invoices over HTTP (issue 14 item 6): a settled visit's customer asks for a special VAT invoice; an incomplete buyer
 * block is refused naming the fields and stores nothing; the cashier records the number the tax software gave and
 * exports the day's requests for it; only the manager voids, saying why. The console lists and refuses alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class InvoiceIT extends DmsTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Before
    public void platformAnswers() throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                awaitPlatform();
                break;
            } catch (AssertionError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
        awaitAnswer("invoices/provider", "cashier", 200);
    }

    static HttpResponse<byte[]> get(String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The text of every XML part of an xlsx file: where its cells' strings are. Read through the central directory, as
     * spreadsheet programs do (the writer streams its entries with data descriptors that ZipInputStream refuses).
     */
    static String xlsxText(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("invoices", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            StringBuilder all = new StringBuilder();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".xml")) {
                        all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            // the writer spells every character beyond ASCII as a character reference (&#x798f;)
            return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(all)
                    .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static String buyer(long settlementId, boolean withBank) {
        return "{\"settlementId\":" + settlementId + ",\"kind\":\"SPECIAL\",\"buyerName\":\"福州顺达物流有限公司\","
                + "\"taxpayerNumber\":\"91350100M000100Y43\",\"address\":\"福州市鼓楼区五四路 88 号\","
                + "\"phone\":\"0591-87654321\"" + (withBank
                        ? ",\"bank\":\"中国工商银行福州五四支行\",\"bankAccount\":\"1402001209024567890\""
                        : "")
                + ",\"email\":\"fp@shunda.example.cn\"}";
    }

    @Test
    public void aSettledVisitGetsASpecialInvoiceIssuedExportedAndVoidedByTheManager() throws Exception {
        JsonNode wo = SettlementIT.completedWorkOrder();
        JsonNode bill = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}"), 201).path(0);
        assertEquals("CUSTOMER", bill.path("payer").asText());
        long doc = bill.path("id").asLong();
        String payable = bill.path("payable").asText();
        JsonNode paid = ok(call("POST", "settlements/" + doc + "/payments", "cashier", "{\"tenders\":[{\"method\":"
                + "\"CASH\",\"amount\":" + payable + ",\"tendered\":" + payable + "}]}", "If-Match",
                "\"" + bill.path("version").asLong() + "\""), 200);
        assertEquals("SETTLED", paid.path("status").asText());

        // a special invoice without the buyer's bank: both fields named, nothing stored
        Reply noBank = call("POST", "invoices", "cashier", buyer(doc, false));
        assertEquals(noBank.raw(), 400, noBank.status());
        assertEquals("bank", noBank.field(0));
        assertEquals("bankAccount", noBank.field(1));
        assertTrue(noBank.raw(), noBank.raw().contains("开户行") && noBank.raw().contains("bank"));
        assertEquals(0, ok(call("GET", "invoices?settlementId=" + doc, "cashier", null), 200).size());

        Reply made = call("POST", "invoices", "cashier", buyer(doc, true));
        JsonNode req = ok(made, 201);
        assertEquals("REQUESTED", req.path("status").asText());
        assertEquals(new BigDecimal(payable), new BigDecimal(req.path("total").asText()));
        assertNotNull(made.location());
        long id = req.path("id").asLong();
        Reply twice = call("POST", "invoices", "cashier", buyer(doc, true));
        assertEquals(twice.raw(), 409, twice.status());
        assertEquals("invoice.exists", twice.code(0));
        assertEquals(403, call("POST", "invoices", "advisor", buyer(doc, true)).status());

        // issued by hand: the number the tax software gave
        String number = "2635" + String.format("%016d", unique());
        JsonNode issued = ok(call("POST", "invoices/" + id + "/issue", "cashier", "{\"invoiceNumber\":\"" + number
                + "\"}", "If-Match", made.etag()), 200);
        assertEquals("ISSUED", issued.path("status").asText());
        assertEquals(number, issued.path("invoiceNumber").asText());
        assertEquals("MANUAL", issued.path("issuedVia").asText());

        // the console: the day's issued invoices; the insurer's document, not paid yet, gets no invoice
        String listed = console("dms:invoice-list --status ISSUED");
        assertTrue(listed, listed.contains(req.path("number").asText()) && listed.contains(number));
        JsonNode insurer = ok(call("GET", "settlements?workOrderId=" + wo.path("id").asLong(), "cashier", null), 200)
                .path(1);
        assertEquals("INSURER", insurer.path("payer").asText());
        String refused = console("dms:invoice-request " + insurer.path("id").asLong() + " 中国人保");
        assertTrue(refused, refused.contains("结清后才能开票"));
        assertEquals(0, ok(call("GET", "invoices?settlementId=" + insurer.path("id").asLong(), "cashier", null), 200)
                .size());

        // the day's requests for the tax software, as xlsx and CSV
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<byte[]> xlsx = get("invoices/export?from=" + today + "&to=" + today + "&format=xlsx", "cashier");
        assertEquals(new String(xlsx.body(), StandardCharsets.UTF_8), 200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        String cells = xlsxText(xlsx.body());
        assertTrue(req.path("number").asText(), cells.contains(req.path("number").asText()));
        assertTrue(cells, cells.contains("福州顺达物流有限公司") && cells.contains("91350100M000100Y43")
                && cells.contains(number));
        HttpResponse<byte[]> csv = get("invoices/export?from=" + today + "&to=" + today + "&format=csv", "cashier");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFF申请号"));
        assertTrue(text, text.contains(req.path("number").asText() + "," + today + ",增值税专用发票,福州顺达物流有限公司"));
        assertEquals(403, get("invoices/export?from=" + today + "&to=" + today, "advisor").statusCode());
        Reply badFormat = call("GET", "invoices/export?from=" + today + "&to=" + today + "&format=pdf", "cashier",
                null, "Accept", "application/json");
        assertEquals(badFormat.raw(), 400, badFormat.status());
        assertEquals("format", badFormat.field(0));

        // only the manager voids, and says why
        String version = "\"" + issued.path("version").asLong() + "\"";
        assertEquals(403, call("POST", "invoices/" + id + "/void", "cashier", "{\"reason\":\"重开\"}", "If-Match",
                version).status());
        Reply noReason = call("POST", "invoices/" + id + "/void", "manager", "{}", "If-Match", version);
        assertEquals(noReason.raw(), 400, noReason.status());
        assertEquals("reason", noReason.field(0));
        assertEquals("ISSUED", ok(call("GET", "invoices/" + id, "cashier", null), 200).path("status").asText());
        JsonNode voided = ok(call("POST", "invoices/" + id + "/void", "manager", "{\"reason\":\"购买方名称错误\"}",
                "If-Match", version), 200);
        assertEquals("VOIDED", voided.path("status").asText());
        assertEquals("manager", voided.path("closedBy").asText());

        JsonNode trail = ok(call("GET", "audit?type=invoice&id=" + id, "manager", null), 200);
        assertTrue(trail.toString(), trail.toString().contains("VOIDED"));
        assertTrue(trail.toString(), !trail.toString().contains("1402001209024567890"));
    }
}
