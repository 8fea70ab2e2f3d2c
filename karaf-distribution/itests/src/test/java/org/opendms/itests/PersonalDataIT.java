package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Personal data that cannot be pieced together (issue 10): a technician who narrows a customer search digit by digit
 * rebuilds nothing and leaves a record of every try; each demo role reads a customer with exactly its fields.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PersonalDataIT extends DmsTestSupport {

    private static final List<String> ALL_HIDDEN = List.of("mobileMasked", "wechatId", "address", "note");
    /** The fields each demo role has hidden (the permission table's customer.read.* rows). */
    private static final Map<String, List<String>> MASKED = Map.of("admin", List.of(), "manager", List.of(),
            "advisor", List.of(), "cashier", List.of("note"), "technician", ALL_HIDDEN, "parts", ALL_HIDDEN,
            "foreman", ALL_HIDDEN, "inspector", ALL_HIDDEN);

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static long technicianSearches() throws Exception {
        Reply log = call("GET", "customers/personal-data-access?actor=technician&action=SEARCH&from=" + today()
                + "&size=1", "manager", null);
        return ok(log, 200).path("total").asLong();
    }

    private static boolean finds(String user, String q, long id) throws Exception {
        JsonNode page = ok(call("GET", "customers?size=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), user,
                null), 200);
        for (JsonNode c : page.path("items")) {
            if (c.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void aTechnicianNarrowingASearchDigitByDigitRebuildsNothingAndEveryTryIsRecorded() throws Exception {
        String mobile = newMobile();
        long n = unique();
        // three digits in the plate: no guess of four or more digits can match it
        String plate = "京BDF" + String.format("%03d", n % 1000);
        long id = ok(call("POST", "customers", "advisor", CustomerRestIT.person("卫十三", mobile)), 201).path("id")
                .asLong();
        ok(call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\"" + plate
                + "\",\"ownerId\":" + id + "}"), 201);
        ok(call("POST", "work-orders", "advisor", "{\"plate\":\"" + plate + "\",\"mileageKm\":1200,"
                + "\"concerns\":[{\"concern\":\"异响\"}],\"visitTypes\":[\"GENERAL_REPAIR\"]}"), 201);
        long before = technicianSearches();

        // he knows the head and the tail a masked mobile shows (137****1234) and guesses the middle, digit by digit
        String head = mobile.substring(0, 3);
        String tail = mobile.substring(7);
        int searches = 0;
        StringBuilder rebuilt = new StringBuilder(head);
        for (int position = 3; position < 7; position++) {
            boolean hit = false;
            for (char d = '0'; d <= '9' && !hit; d++) {
                searches++;
                hit = finds("technician", rebuilt.toString() + d, id);
                if (hit) {
                    rebuilt.append(d);
                }
            }
            if (!hit) {
                break;
            }
        }
        assertEquals("not one digit of the middle found", head, rebuilt.toString());
        for (String known : List.of(tail, mobile.substring(5), mobile.substring(1))) {
            searches++;
            assertFalse(known, finds("technician", known, id));
        }
        JsonNode byTail = ok(call("GET", "work-orders?customer=" + tail, "technician", null), 200);
        assertEquals(byTail.toString(), 0, byTail.path("total").asLong());
        searches++;
        // what the role may do: the whole number (any spelling), the name, the plate
        assertTrue(finds("technician", "+86 " + mobile, id));
        assertTrue(finds("technician", "卫十三", id));
        assertTrue(finds("technician", plate, id));
        searches += 3;
        // the desk, which may read mobiles, finds the customer by the tail
        assertTrue(finds("advisor", tail, id));
        assertEquals(1, ok(call("GET", "work-orders?customer=" + tail, "advisor", null), 200).path("total").asLong());

        assertEquals(before + searches, technicianSearches());
        JsonNode log = ok(call("GET", "customers/personal-data-access?actor=technician&from=" + today() + "&size="
                + searches, "manager", null), 200);
        List<String> texts = new ArrayList<>();
        for (JsonNode e : log.path("items")) {
            assertEquals(e.toString(), "SEARCH", e.path("action").asText());
            assertEquals(e.toString(), "REST", e.path("channel").asText());
            assertTrue(e.toString(), e.path("customerId").isNull());
            texts.add(e.path("searched").asText());
        }
        // newest first: the plate, the name, the whole number, the work-order search, then the tries
        assertEquals(texts.toString(), "卫**", texts.get(1));
        assertEquals(texts.toString(), head + "****" + tail, texts.get(2));
        assertEquals(1, log.path("items").path(2).path("results").asLong());
        assertEquals("q", log.path("items").path(2).path("field").asText());
        assertEquals("customer", log.path("items").path(3).path("field").asText());
        assertEquals(tail.charAt(0) + "***", texts.get(3));
        assertEquals(0, log.path("items").path(3).path("results").asLong());
        assertEquals("1***", texts.get(searches - 1));
        assertEquals(0, log.path("items").path(searches - 1).path("results").asLong());
        assertFalse(texts.toString(), String.join("", texts).contains(mobile.substring(3, 7)));

        // the record is for management only
        assertEquals(403, call("GET", "customers/personal-data-access", "technician", null).status());
        assertEquals(403, call("GET", "customers/personal-data-access", "advisor", null).status());
        Reply backwards = call("GET", "customers/personal-data-access?from=2026-12-02&to=2026-12-01", "admin", null);
        assertEquals(400, backwards.status());
        assertEquals("to", backwards.field(0));
        assertEquals("from", call("GET", "customers/personal-data-access?from=yesterday", "admin", null).field(0));
        assertEquals("action", call("GET", "customers/personal-data-access?action=search", "admin", null).field(0));
        assertEquals("customerId", call("GET", "customers/personal-data-access?customerId=x", "admin", null).field(0));
    }

    @Test
    public void eachRoleReadsACustomerWithExactlyItsFields() throws Exception {
        String mobile = newMobile();
        String name = "蒋十四" + unique();
        long id = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"mobile\":\""
                + mobile + "\",\"wechatId\":\"jiang_14\",\"address\":\"杭州市西湖区文三路 1 号\",\"tags\":[\"车队\"],"
                + "\"note\":\"只在工作日联系\"}"), 201).path("id").asLong();
        Map<String, String> values = Map.of("mobileMasked", mobile.substring(0, 3) + "****" + mobile.substring(7),
                "wechatId", "jiang_14", "address", "杭州市西湖区文三路 1 号", "note", "只在工作日联系");
        for (Map.Entry<String, List<String>> role : MASKED.entrySet()) {
            JsonNode read = ok(call("GET", "customers/" + id, role.getKey(), null), 200);
            JsonNode found = ok(call("GET", "customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    role.getKey(), null), 200).path("items").path(0);
            for (JsonNode c : List.of(read, found)) {
                List<String> masked = new ArrayList<>();
                c.path("masked").forEach(m -> masked.add(m.asText()));
                assertEquals(role.getKey() + ": " + c, role.getValue(), masked);
                for (Map.Entry<String, String> field : values.entrySet()) {
                    if (masked.contains(field.getKey())) {
                        assertTrue(role.getKey() + " " + field.getKey(), c.path(field.getKey()).isNull());
                    } else {
                        assertEquals(role.getKey() + " " + field.getKey(), field.getValue(),
                                c.path(field.getKey()).asText());
                    }
                }
                assertEquals(role.getKey(), name, c.path("name").asText());
                assertEquals(role.getKey(), "车队", c.path("tags").path(0).asText());
                assertFalse(role.getKey(), c.toString().contains(mobile));
            }
        }
    }
}
