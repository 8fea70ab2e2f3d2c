package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parts over real HTTP, as the parts clerk works: a part imported from Excel, received into a bin by scanning, looked
 * up by its scanned code, issued to a work-order line and one returned, each step in the ledger; bad input refused
 * with stock and ledger as they were; 16 clerks issuing the same part at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PartsIT extends DmsTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<Object> HEADER = List.of("配件号 (Part number)", "名称 (Name)", "品牌", "单位", "零售价", "仓库", "库位",
            "期初数量", "单位成本");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String warehouse;
    private static long warehouseId;
    private static String bin;

    @Before
    public void aWarehouseWithABin() throws Exception {
        awaitPlatform();
        awaitAnswer("parts/warehouses", "parts", 200);
        if (warehouse == null) {
            String code = "IT" + unique();
            JsonNode w = ok(call("POST", "parts/warehouses", "parts",
                    "{\"code\":\"" + code + "\",\"name\":\"测试库\",\"kind\":\"SHOP\"}"), 201);
            warehouseId = w.path("id").asLong();
            JsonNode b = ok(call("POST", "parts/warehouses/" + warehouseId + "/bins", "parts",
                    "{\"area\":\"A\",\"shelf\":\"01\",\"level\":\"1\"}"), 201);
            bin = b.path("code").asText();
            warehouse = w.path("code").asText();
        }
    }

    /** A part number nobody else in this run has, spelled as printed on the box. */
    private static String newNumber() {
        long n = unique();
        return String.format("9%03d %03d-T%02d", n % 1000, n / 1000 % 1000, n % 97);
    }

    private static Reply upload(String query, byte[] xlsx, String user, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(BASE + "parts/excel/import" + query))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(xlsx))
                .header("Content-Type", XLSX).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> a = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = a.headers().firstValue("Content-Type").orElse("");
        return new Reply(a.statusCode(), type, null, null, type.contains("json") ? JSON.readTree(a.body()) : null,
                a.body());
    }

    private static JsonNode find(String number) throws Exception {
        return call("GET", "parts?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8), "parts", null).json()
                .path("items");
    }

    private static JsonNode stock(long partId) throws Exception {
        return ok(call("GET", "parts/" + partId + "/stock", "parts", null), 200);
    }

    private static BigDecimal onHand(long partId) throws Exception {
        return stock(partId).path("onHand").decimalValue();
    }

    private static JsonNode ledger(long partId) throws Exception {
        return ok(call("GET", "parts/" + partId + "/ledger?size=200", "parts", null), 200).path("items");
    }

    private static List<String> types(JsonNode ledger) {
        List<String> types = new ArrayList<>();
        ledger.forEach(m -> types.add(m.path("type").asText()));
        return types;
    }

    /** A work order with a part line for the part: the line's id and the work order's. */
    private static long[] workOrderLine(String number) throws Exception {
        long n = unique();
        long owner = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"配件测试\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();
        Reply opened = call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                + TestData.vin(n) + "\",\"ownerId\":" + owner + ",\"mileageKm\":41200,\"fuelPercent\":60,"
                + "\"concerns\":[{\"concern\":\"保养\",\"payType\":\"CUSTOMER\"}],\"visitTypes\":[\"MAINTENANCE\"]}");
        ok(opened, 201);
        long id = opened.json().path("id").asLong();
        long job = opened.json().path("jobs").path(0).path("id").asLong();
        Reply line = call("POST", "work-orders/" + id + "/jobs/" + job + "/lines", "advisor",
                "{\"type\":\"PART\",\"code\":\"" + number + "\",\"description\":\"机油滤清器\",\"quantity\":4,"
                        + "\"unitPrice\":68}",
                "If-Match", opened.etag());
        ok(line, 200);
        return new long[] { id, line.json().path("jobs").path(0).path("lines").path(0).path("id").asLong() };
    }

    private static String issue(long[] line, String part, String quantity) {
        return "{\"workOrderId\":" + line[0] + ",\"lineId\":" + line[1] + ",\"warehouse\":\"" + warehouse
                + "\",\"part\":\"" + part + "\",\"quantity\":" + quantity + "}";
    }

    @Test
    public void aPartFromExcelIsReceivedIntoAScannedBinIssuedAndReturnedWithEachStepInTheLedger() throws Exception {
        String number = newNumber();
        // the shop's spreadsheet: the part without opening stock
        Reply imported = upload("", TinyXlsx.of(List.of(HEADER, Arrays.asList(number, "机油滤清器", "原厂", "个", 68.5))),
                "parts");
        assertEquals(imported.raw(), 200, imported.status());
        assertEquals(imported.raw(), 1, imported.json().path("imported").asInt());
        long partId = imported.json().path("parts").path(0).path("partId").asLong();

        // received into the bin scanned from its label, the part typed another way than printed
        String typed = number.toLowerCase().replace(" ", "").replace("-", " ");
        Reply received = call("POST", "parts/movements/receipts", "parts", "{\"warehouse\":\"" + warehouse
                + "\",\"reference\":\"SH-0001\",\"lines\":[{\"part\":\"" + typed + "\",\"bin\":\"BIN:" + warehouse + ":"
                + bin + "\",\"quantity\":10,\"unitCost\":32.5}]}");
        assertEquals(received.raw(), 201, received.status());
        JsonNode inBin = stock(partId);
        assertEquals(inBin.toString(), 0, new BigDecimal("10").compareTo(inBin.path("onHand").decimalValue()));
        assertEquals(inBin.toString(), bin, inBin.path("warehouses").path(0).path("bins").path(0).path("binCode")
                .asText());

        // its printed label's code (a scanner adds ]Q1 and a line end) finds it; so does the bin's
        JsonNode scanned = ok(call("GET", "parts/codes?scan=" + URLEncoder.encode("]Q1" + number + "\r\n",
                StandardCharsets.UTF_8), "parts", null), 200);
        assertEquals("PART", scanned.path("kind").asText());
        assertEquals(partId, scanned.path("part").path("part").path("id").asLong());
        JsonNode binScan = ok(call("GET", "parts/codes?scan=" + URLEncoder.encode("BIN:" + warehouse + ":" + bin,
                StandardCharsets.UTF_8), "parts", null), 200);
        assertEquals("BIN", binScan.path("kind").asText());
        Reply label = call("GET", "parts/labels/parts?ids=" + partId, "parts", null);
        assertEquals(label.raw(), 200, label.status());
        assertTrue(label.contentType(), label.contentType().startsWith("application/pdf"));

        // issued to the work order's line by the scanned number, one taken back
        long[] line = workOrderLine(number);
        ok(call("POST", "parts/movements/issues", "parts", issue(line, "]Q1" + number, "3")), 201);
        ok(call("POST", "parts/movements/returns", "parts", issue(line, number, "1")), 201);
        assertEquals(0, new BigDecimal("8").compareTo(onHand(partId)));

        JsonNode rows = ledger(partId);
        assertEquals(rows.toString(), List.of("RETURN", "ISSUE", "RECEIPT"), types(rows));
        assertEquals(rows.toString(), line[0], rows.path(1).path("workOrderId").asLong());
        assertEquals(0, new BigDecimal("-3").compareTo(rows.path(1).path("quantity").decimalValue()));
        assertEquals(0, new BigDecimal("8").compareTo(rows.path(0).path("onHandAfter").decimalValue()));
        // the advisor sees availability but no cost
        JsonNode advisor = ok(call("GET", "parts/" + partId + "/stock", "advisor", null), 200);
        assertTrue(advisor.toString(), advisor.path("warehouses").path(0).path("averageCost").isNull());
        assertEquals(403, call("GET", "parts/" + partId + "/ledger", "advisor", null).status());
    }

    @Test
    public void aFileWithABadRowImportsNothingUnlessTheClerkSkipsBadRows() throws Exception {
        String good = newNumber();
        String bad = newNumber();
        byte[] file = TinyXlsx.of(List.of(HEADER,
                Arrays.asList(good, "空气滤清器", "原厂", "个", 120, warehouse, bin, 5, 60),
                Arrays.asList(bad, "空调滤清器", "原厂", null, "一百", warehouse, "Z-99-9", 2.5, 40)));
        Reply refused = upload("", file, "parts");
        assertEquals(refused.raw(), 400, refused.status());
        assertTrue(refused.raw(), refused.raw().contains("第 3 行「单位」：不能为空"));
        assertTrue(refused.raw(), refused.raw().contains("第 3 行「零售价」：“一百”不是数字"));
        assertTrue(refused.raw(), refused.raw().contains("rows[3].bin"));
        assertEquals(0, find(good).size());
        Reply english = upload("", file, "parts", "Accept-Language", "en");
        assertTrue(english.raw(), english.raw().contains("row 3, Unit: is required"));

        Reply skipped = upload("?skipBadRows=true", file, "parts");
        assertEquals(skipped.raw(), 200, skipped.status());
        assertEquals(skipped.raw(), 1, skipped.json().path("imported").asInt());
        assertEquals(skipped.raw(), 1, skipped.json().path("skipped").asInt());
        assertEquals(0, find(bad).size());
        long partId = skipped.json().path("parts").path(0).path("partId").asLong();
        assertEquals(0, new BigDecimal("5").compareTo(onHand(partId)));
        // importing the same file again adds nothing: the part exists
        Reply again = upload("", file, "parts");
        assertEquals(again.raw(), 400, again.status());
        assertTrue(again.raw(), again.raw().contains("part.duplicate"));
        assertEquals(0, new BigDecimal("5").compareTo(onHand(partId)));
        assertEquals(403, upload("", file, "advisor").status());
    }

    @Test
    public void badInputIsRefusedNamingTheFieldWithStockAndLedgerAsTheyWere() throws Exception {
        String number = newNumber();
        long partId = ok(
                call("POST", "parts", "parts", "{\"number\":\"" + number + "\",\"name\":\"刹车片\",\"unit\":\"套\","
                        + "\"prices\":{\"retail\":420}}"),
                201).path("id").asLong();
        ok(call("POST", "parts/movements/receipts", "parts", "{\"warehouseId\":" + warehouseId
                + ",\"lines\":[{\"partId\":" + partId + ",\"quantity\":4,\"unitCost\":210}]}"), 201);
        JsonNode before = stock(partId);
        JsonNode ledgerBefore = ledger(partId);
        long[] line = workOrderLine(number);

        // one good line and one unknown part: nothing received
        Reply unknown = call("POST", "parts/movements/receipts", "parts", "{\"warehouse\":\"" + warehouse
                + "\",\"lines\":[{\"partId\":" + partId + ",\"quantity\":1,\"unitCost\":210},{\"part\":\"NO-SUCH-"
                + unique() + "\",\"quantity\":1,\"unitCost\":1}]}");
        assertEquals(unknown.raw(), 400, unknown.status());
        assertEquals("lines[1].part", unknown.field(0));
        assertTrue(unknown.raw(), unknown.raw().contains("不在配件档案中"));
        Reply negative = call("POST", "parts/movements/receipts", "parts", "{\"warehouse\":\"" + warehouse
                + "\",\"lines\":[{\"partId\":" + partId + ",\"quantity\":-1,\"unitCost\":210}]}", "Accept-Language",
                "en");
        assertEquals(negative.raw(), 400, negative.status());
        assertTrue(negative.raw(), negative.field(0).endsWith("quantity"));
        Reply tooMany = call("POST", "parts/movements/issues", "parts", issue(line, number, "5"));
        assertEquals(tooMany.raw(), 409, tooMany.status());
        assertEquals("stock.insufficient", tooMany.code(0));
        Reply moreBack = call("POST", "parts/movements/returns", "parts", issue(line, number, "1"));
        assertEquals(moreBack.raw(), 409, moreBack.status());
        Reply otherBin = call("POST", "parts/movements/issues", "parts", "{\"workOrderId\":" + line[0] + ",\"lineId\":"
                + line[1] + ",\"warehouse\":\"" + warehouse + "\",\"partId\":" + partId
                + ",\"bin\":\"BIN:ELSEWHERE:A-01-1\",\"quantity\":1}");
        assertEquals(otherBin.raw(), 400, otherBin.status());
        assertEquals("bin", otherBin.field(0));
        Reply notJson = call("POST", "parts/movements/issues", "parts", "{\"workOrderId\":\"abc\"}");
        assertEquals(notJson.raw(), 400, notJson.status());
        assertEquals(403, call("POST", "parts/movements/issues", "technician", issue(line, number, "1")).status());

        assertEquals(before, stock(partId));
        assertEquals(ledgerBefore, ledger(partId));
    }

    @Test
    public void sixteenClerksIssuingTheSamePartAtOnceGetNo5xxAndStockNeverGoesBelowZero() throws Exception {
        String number = newNumber();
        long partId = ok(
                call("POST", "parts", "parts", "{\"number\":\"" + number + "\",\"name\":\"火花塞\",\"unit\":\"个\","
                        + "\"prices\":{\"retail\":45}}"),
                201).path("id").asLong();
        ok(call("POST", "parts/movements/receipts", "parts", "{\"warehouseId\":" + warehouseId
                + ",\"lines\":[{\"partId\":" + partId + ",\"quantity\":20,\"unitCost\":18}]}"), 201);
        long[] line = workOrderLine(number);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Integer> clerk = () -> {
                start.await();
                return call("POST", "parts/movements/issues", "parts", issue(line, number, "2")).status();
            };
            answers.add(pool.submit(clerk));
        }
        start.countDown();
        int issued = 0;
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> a : answers) {
            int status = a.get();
            statuses.add(status);
            issued += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(statuses.toString(), statuses.stream().allMatch(s -> s == 201 || s == 409));
        assertEquals(statuses.toString(), 10, issued);
        assertEquals(0, onHand(partId).signum());
        JsonNode rows = ledger(partId);
        assertEquals(rows.toString(), issued + 1, rows.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode m : rows) {
            sum = sum.add(m.path("quantity").decimalValue());
        }
        assertEquals(0, sum.signum());
    }
}
