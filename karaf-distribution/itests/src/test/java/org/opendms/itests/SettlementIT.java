package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Settlement over REST (issue 14): a completed work order with a customer job and an insurer's brake job is settled
 * by the cashier into two documents; the car may not leave before the customer's is paid; the customer pays part by
 * WeChat Pay and part cash with change; the car is delivered; the manager reverses the bill with a reason and the
 * work order is settled again. Roles: the advisor reads the bill but neither settles nor takes money, the cashier
 * does not reverse.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SettlementIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatformPatiently("settlements/tenders", "cashier");
    }

    static String labour(String code, String hours) {
        return "{\"type\":\"LABOUR\",\"code\":\"" + code + "\",\"description\":\"" + code + "\",\"quantity\":" + hours
                + ",\"unitPrice\":100.00,\"specialOrder\":false}";
    }

    private static String ifMatch(JsonNode doc) {
        return "\"" + doc.path("version").asLong() + "\"";
    }

    /**
     * A completed work order: 保养 paid by the customer (labour 1.5 h, an oil filter), 刹车片 by the insurer (also the
     * visit PrintingIT prints).
     */
    static JsonNode completedWorkOrder() throws Exception {
        return completedWorkOrder(ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"孙先生\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong());
    }

    /** The same for a given owner (CreditIT: a company car). */
    static JsonNode completedWorkOrder(long owner) throws Exception {
        for (String op : new String[] { "BY-010\",\"name\":\"保养\",\"flatRateHours\":1.5",
                "SC-101\",\"name\":\"更换刹车片\",\"flatRateHours\":2" }) {
            Reply added = call("POST", "labour-operations", "manager", "{\"code\":\"" + op + "}");
            assertTrue(added.raw(), added.status() == 201 || "labour.exists".equals(added.code(0)));
        }
        long n = unique();
        Reply r = call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                + TestData.vin(n) + "\",\"ownerId\":" + owner + ",\"mileageKm\":30100,"
                + "\"visitTypes\":[\"MAINTENANCE\",\"INSURANCE\"],\"concerns\":[{\"concern\":\"保养\",\"payType\":\"CUSTOMER\"},"
                + "{\"concern\":\"刹车片\",\"payType\":\"INSURANCE\"}]}");
        JsonNode wo = ok(r, 201);
        String path = "work-orders/" + wo.path("id").asLong();
        long service = wo.path("jobs").path(0).path("id").asLong();
        long brakes = wo.path("jobs").path(1).path("id").asLong();
        r = call("POST", path + "/jobs/" + service + "/lines", "advisor", labour("BY-010", "1.5"), "If-Match",
                r.etag());
        ok(r, 200);
        // the oil filter comes from the parts catalogue and the shelf: issued before the work order is completed
        String filter = "90915-YZZE1-" + n;
        ok(call("POST", "parts", "parts", "{\"number\":\"" + filter + "\",\"name\":\"机油滤清器\",\"unit\":\"个\","
                + "\"prices\":{\"retail\":68.50}}"), 201);
        ok(call("POST", "parts/movements/receipts", "parts", "{\"warehouse\":\"ZK\",\"reference\":\"SIT-" + n
                + "\",\"lines\":[{\"part\":\"" + filter + "\",\"quantity\":1,\"unitCost\":30}]}"), 201);
        r = call("POST", path + "/jobs/" + service + "/lines", "advisor", "{\"type\":\"PART\",\"code\":\"" + filter
                + "\",\"description\":\"机油滤清器\",\"quantity\":1,\"unitPrice\":68.50}", "If-Match", r.etag());
        JsonNode withFilter = ok(r, 200);
        long filterLine = 0;
        for (JsonNode l : withFilter.path("jobs").path(0).path("lines")) {
            if ("PART".equals(l.path("type").asText())) {
                filterLine = l.path("id").asLong();
            }
        }
        r = call("POST", path + "/jobs/" + brakes + "/lines", "advisor", labour("SC-101", "2"), "If-Match", r.etag());
        ok(r, 200);
        for (long job : new long[] { service, brakes }) {
            r = call("POST", path + "/jobs/" + job + "/approval", "advisor",
                    "{\"approvedBy\":\"孙先生\",\"channel\":\"IN_PERSON\"}", "If-Match", r.etag());
            ok(r, 200);
        }
        r = call("POST", path + "/status", "advisor", "{\"status\":\"IN_REPAIR\"}", "If-Match", r.etag());
        ok(r, 200);
        ok(call("POST", "parts/movements/issues", "parts", "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"lineId\":" + filterLine + ",\"warehouse\":\"ZK\",\"part\":\"" + filter + "\",\"quantity\":1}"),
                201);
        r = call("GET", path, "advisor", null); // the issue is recorded on the line
        r = call("POST", path + "/status", "manager", "{\"status\":\"AWAITING_QC\",\"note\":\"工时未计时，经理放行\"}",
                "If-Match", r.etag());
        ok(r, 200);
        // nobody was dispatched (the labour was not clocked): the manager records the three checks
        for (String level : new String[] { "SELF", "FOREMAN", "FINAL" }) {
            r = call("POST", path + "/qc", "manager", "{\"level\":\"" + level + "\",\"passed\":true}", "If-Match",
                    r.etag());
            ok(r, 200);
        }
        r = call("POST", path + "/status", "advisor", "{\"status\":\"COMPLETED\"}", "If-Match", r.etag());
        return ok(r, 200);
    }

    @Test
    public void twoPayersPartWeChatPartCashDeliveredThenReversedAndSettledAgain() throws Exception {
        JsonNode wo = completedWorkOrder();
        long id = wo.path("id").asLong();
        String path = "work-orders/" + id;

        assertEquals("an advisor reads bills but does not settle", 403,
                call("POST", "settlements", "advisor", "{\"workOrderId\":" + id + "}").status());
        Reply settled = call("POST", "settlements", "cashier",
                "{\"workOrderId\":" + id + ",\"payerNames\":{\"INSURER\":\"中国人保\"},\"roundTo\":\"JIAO\"}");
        JsonNode docs = ok(settled, 201);
        assertEquals(docs.toString(), 2, docs.size());
        JsonNode bill = docs.path(0);
        JsonNode insurer = docs.path(1);
        assertEquals("CUSTOMER", bill.path("payer").asText());
        assertEquals("INSURER", insurer.path("payer").asText());
        assertEquals("中国人保", insurer.path("payerName").asText());
        // 150.00 + 68.50 = 218.50 net, 28.41 VAT, 246.91 gross, 抹零 to the jiao: 246.90
        assertTrue(settled.raw(), settled.raw().contains("\"net\":218.50") && settled.raw().contains("\"vat\":28.41")
                && settled.raw().contains("\"payable\":246.90"));
        assertEquals(ok(call("GET", "settlements?workOrderId=" + id, "advisor", null), 200).size(), 2);

        // not paid: the car stays
        Reply early = call("POST", path + "/status", "advisor", "{\"status\":\"DELIVERED\"}", "If-Match",
                "\"" + wo.path("version").asLong() + "\"");
        refused(early, 409, "status", "settlement.unpaid");

        // part WeChat Pay, the rest cash with change; a transaction number pays once
        String txn = "4200" + unique() + "0001";
        Reply badSum = call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"WECHAT\",\"amount\":100,\"reference\":\"" + txn + "\"}]}", "If-Match",
                ifMatch(bill));
        refused(badSum, 400, "tenders", "sum_mismatch");
        assertEquals("an advisor takes no money", 403, call("POST", "settlements/" + bill.path("id").asLong()
                + "/payments", "advisor", "{\"tenders\":[]}", "If-Match", ifMatch(bill)).status());
        Reply paid = call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"WECHAT\",\"amount\":100.00,\"reference\":\"" + txn + "\"},"
                        + "{\"method\":\"CASH\",\"amount\":146.90,\"tendered\":200}]}",
                "If-Match", ifMatch(bill));
        JsonNode p = ok(paid, 200);
        assertEquals("SETTLED", p.path("status").asText());
        assertTrue(paid.raw(), paid.raw().contains("\"change\":53.10"));

        ok(call("POST", path + "/status", "advisor", "{\"status\":\"DELIVERED\"}", "If-Match",
                "\"" + wo.path("version").asLong() + "\""), 200);

        // the manager reverses with a reason; the cashier may not
        assertEquals(403, call("POST", "settlements/" + p.path("id").asLong() + "/reverse", "cashier",
                "{\"reason\":\"开错\"}", "If-Match", ifMatch(p)).status());
        refused(call("POST", "settlements/" + p.path("id").asLong() + "/reverse", "manager", "{\"reason\":\"\"}",
                "If-Match", ifMatch(p)), 400, "reason", "required");
        Reply reversed = call("POST", "settlements/" + p.path("id").asLong() + "/reverse", "manager",
                "{\"reason\":\"工时开错，重新结算\"}", "If-Match", ifMatch(p));
        JsonNode r = ok(reversed, 201);
        assertTrue(reversed.raw(), reversed.raw().contains("\"payable\":-246.90"));
        assertEquals(p.path("id").asLong(), r.path("reversalOfId").asLong());
        assertEquals("REVERSED", ok(call("GET", "settlements/" + p.path("id").asLong(), "advisor", null), 200)
                .path("status").asText());

        // settled again: a new round; the WeChat transaction number already used is refused
        JsonNode again = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + id + "}"), 201);
        assertEquals(2, again.path(0).path("round").asInt());
        refused(call("POST", "settlements/" + again.path(0).path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"WECHAT\",\"amount\":" + again.path(0).path("payable").asText()
                        + ",\"reference\":\"" + txn + "\"}]}",
                "If-Match", ifMatch(again.path(0))), 409, "tenders[0].reference", "txn.used");
        JsonNode second = ok(call("POST", "settlements/" + again.path(0).path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"BANK_CARD\",\"amount\":" + again.path(0).path("payable").asText() + "}]}",
                "If-Match", ifMatch(again.path(0))), 200);
        assertEquals("SETTLED", second.path("status").asText());
        assertEquals(new BigDecimal("246.91"), new BigDecimal(second.path("payable").asText()));
        // the trail: both documents, the reversal with who
        JsonNode trail = ok(call("GET", "audit?type=settlement&id=" + p.path("id").asLong(), "manager", null), 200);
        assertTrue(trail.toString(), trail.toString().contains("manager"));
    }

    private static void refused(Reply r, int status, String field, String code) {
        assertEquals(r.raw(), status, r.status());
        boolean named = false;
        for (JsonNode e : r.json().path("errors")) {
            named |= e.path("field").asText().equals(field) && e.path("code").asText().equals(code);
            assertTrue(r.raw(), !e.path("message").asText().isEmpty());
        }
        assertTrue(field + "/" + code + " expected in " + r.raw(), named);
    }
}
