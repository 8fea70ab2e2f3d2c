package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Price authority as the advisor and the service manager meet it over HTTP: labour at 0.01 yuan/h and a free 880-yuan
 * part wait for the manager (202 with the request's Location), the customer's approval waits for him, he decides from
 * his list or the console, bad prices are refused naming the field with nothing changed, and the timeline says who
 * did what to which price and why.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PriceAuthorityIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
        awaitAnswer("price-requests", "manager", 200);
    }

    private static void refused(Reply r, int status, String field, String code) {
        assertEquals(r.raw(), status, r.status());
        assertEquals(r.raw(), field, r.field(0));
        assertEquals(r.raw(), code, r.code(0));
        assertTrue(r.raw(), r.contentType().contains("problem+json"));
    }

    /** A money value of the answer as yuan with 2 decimals (the JSON number may read as 100.0). */
    private static String yuan(JsonNode n) {
        return n.decimalValue().setScale(2).toPlainString();
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.forEach(s -> {
            if (s.path("kind").asText().startsWith("PRICE_")) {
                kinds.add(s.path("kind").asText());
            }
        });
        return kinds;
    }

    @Test
    public void theAdvisorsCutsWaitForTheManagerWhoDecidesAndTheTimelineSaysWhy() throws Exception {
        long n = unique();
        String op = "PA-" + n;
        ok(call("POST", "labour-operations", "manager",
                "{\"code\":\"" + op + "\",\"name\":\"更换机油机滤\",\"flatRateHours\":1}"), 201);
        long owner = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"钱先生\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id")
                        .asLong();
        Reply opened = call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                + TestData.vin(n) + "\",\"ownerId\":" + owner + ",\"mileageKm\":" + (30000 + n % 1000)
                + ",\"concerns\":[{\"concern\":\"保养\"},{\"concern\":\"刹车异响\"}],\"visitTypes\":[\"GENERAL_REPAIR\"]}");
        JsonNode wo = ok(opened, 201);
        long id = wo.path("id").asLong();
        long oil = wo.path("jobs").path(0).path("id").asLong();
        long brakes = wo.path("jobs").path(1).path("id").asLong();
        String path = "work-orders/" + id;

        // 0.01 yuan/h against the catalogue's 100: accepted as a request, the line at 100 meanwhile
        Reply labour = call("POST", path + "/jobs/" + oil + "/lines", "advisor", "{\"type\":\"LABOUR\",\"code\":\"" + op
                + "\",\"unitPrice\":0.01,\"reason\":\"老客户，工时费全免\"}", "If-Match", opened.etag());
        ok(labour, 202);
        assertNotNull(labour.raw(), labour.location());
        assertTrue(labour.location(), labour.location().matches("http://[^/]+/api/price-requests/\\d+"));
        assertEquals("100.00", yuan(labour.json().path("jobs").path(0).path("lines").path(0).path("unitPrice")));

        // bad input: named, nothing changed (the ETag stays)
        String lines = path + "/jobs/" + brakes + "/lines";
        refused(call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":-880}",
                "If-Match", labour.etag()), 400, "unitPrice", "out_of_range");
        refused(call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":880.001}",
                "If-Match", labour.etag()), 400, "unitPrice", "scale");
        refused(call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":880,\"discount\":880.01}",
                "If-Match", labour.etag()), 400, "discount",
                "discount.too_high");
        refused(call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":880,\"discount\":-1}",
                "If-Match", labour.etag()), 400, "discount",
                "out_of_range");
        Reply text = call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":\"八百八\"}",
                "If-Match", labour.etag());
        assertEquals(text.raw(), 400, text.status());
        assertEquals(text.raw(), "unitPrice", text.field(0));
        refused(call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"P\",\"description\":\"刹车片\","
                        + "\"quantity\":1,\"unitPrice\":880,\"discount\":880}",
                "If-Match", labour.etag()), 400, "reason",
                "price.reason_required");
        assertEquals(labour.etag(), call("GET", path, "advisor", null).etag());

        // a 100 % discount on an 880-yuan part: a request too
        Reply part = call("POST", lines, "advisor",
                "{\"type\":\"PART\",\"specialOrder\":true,\"code\":\"04465-0E010\",\"description\":"
                        + "\"前刹车片\",\"quantity\":1,\"unitPrice\":880,\"discount\":880,\"reason\":\"质量问题赔付\"}",
                "If-Match", labour.etag());
        ok(part, 202);
        assertEquals("880.00", yuan(part.json().path("jobs").path(1).path("lines").path(0).path("net")));

        // the customer's approval waits for the manager
        refused(call("POST", path + "/jobs/" + oil + "/approval", "advisor",
                "{\"approvedBy\":\"钱先生\",\"channel\":\"IN_PERSON\"}", "If-Match", part.etag()), 409, "jobId",
                "price.pending");

        // the manager's list holds both; the advisor may not decide
        long labourRequest = Long.parseLong(labour.location().replaceAll(".*/", ""));
        long partRequest = Long.parseLong(part.location().replaceAll(".*/", ""));
        List<Long> pending = new ArrayList<>();
        ok(call("GET", "price-requests?size=200", "manager", null), 200).path("items")
                .forEach(r -> pending.add(r.path("id").asLong()));
        assertTrue(pending.toString(), pending.containsAll(List.of(labourRequest, partRequest)));
        JsonNode request = ok(call("GET", "price-requests/" + labourRequest, "manager", null), 200);
        assertEquals("price.below_list", request.path("exceeds").path(0).asText());
        assertEquals("100.00", yuan(request.path("listPrice")));
        assertEquals("0.01", yuan(request.path("unitPrice")));
        assertEquals(403, call("POST", "price-requests/" + labourRequest + "/approve", "advisor",
                "{\"reason\":\"我自己批\"}").status());
        refused(call("POST", "price-requests/" + labourRequest + "/approve", "manager", "{}"), 400, "reason",
                "required");

        // he approves the labour over HTTP and rejects the discount in the console
        Reply approved = call("POST", "price-requests/" + labourRequest + "/approve", "manager",
                "{\"reason\":\"十年老客户，经理同意\"}");
        assertEquals("0.01", yuan(ok(approved, 200).path("jobs").path(0).path("lines").path(0).path("unitPrice")));
        String listed = console("dms:price-requests");
        assertTrue(listed, listed.contains(Long.toString(partRequest)) && listed.contains("质量问题赔付"));
        String rejected = console("dms:price-approve --reject " + partRequest + " 非质量问题，最多九折");
        assertTrue(rejected, rejected.contains("#" + partRequest));
        assertEquals(409, call("POST", "price-requests/" + partRequest + "/approve", "manager",
                "{\"reason\":\"改主意了\"}").status());

        // within his 10 %, the advisor's own price applies at once
        Reply now = call("GET", path, "advisor", null);
        long padLine = now.json().path("jobs").path(1).path("lines").path(0).path("id").asLong();
        Reply ninety = call("PUT", path + "/jobs/" + brakes + "/lines/" + padLine + "/price", "advisor",
                "{\"discount\":88}", "If-Match", now.etag());
        assertEquals("792.00",
                yuan(ok(ninety, 200).path("workOrder").path("jobs").path(1).path("lines").path(0).path("net")));
        ok(call("POST", path + "/jobs/" + oil + "/approval", "advisor",
                "{\"approvedBy\":\"钱先生\",\"channel\":\"IN_PERSON\"}", "If-Match", ninety.etag()), 200);

        JsonNode timeline = ok(call("GET", path + "/timeline", "manager", null), 200);
        assertEquals(timeline.toString(),
                List.of("PRICE_REQUESTED", "PRICE_REQUESTED", "PRICE_APPROVED", "PRICE_REJECTED", "PRICE_SET"),
                kinds(timeline));
        String all = timeline.toString();
        assertTrue(all, all.contains("单价 100.00 → 0.01") && all.contains("老客户，工时费全免")
                && all.contains("十年老客户，经理同意") && all.contains("非质量问题，最多九折") && all.contains("折扣 0.00 → 88.00"));
        JsonNode requests = ok(call("GET", path + "/price-requests", "advisor", null), 200);
        assertEquals(requests.toString(), 2, requests.size());
    }
}
