package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * A whole service visit over REST, as the advisor, the foreman (dispatch, foreman check), the technician and the QC
 * inspector (final check) do it: appointment, reception by an unknown plate, estimate, approval, dispatch, clocking, an
 * add-on job approved mid-repair, a failed QC sent back as rework, QC passed, completed, delivered — and the history
 * shows every step with who and when.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WorkOrderVisitIT extends DmsTestSupport {

    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    /** The id of the job with this concern. */
    private static long job(JsonNode wo, String concern) {
        for (JsonNode j : wo.path("jobs")) {
            if (j.path("concern").asText().equals(concern)) {
                return j.path("id").asLong();
            }
        }
        throw new AssertionError("no job " + concern + " in " + wo);
    }

    private static long firstLabourLine(JsonNode wo, long jobId) {
        for (JsonNode j : wo.path("jobs")) {
            if (j.path("id").asLong() == jobId) {
                for (JsonNode l : j.path("lines")) {
                    if ("LABOUR".equals(l.path("type").asText())) {
                        return l.path("id").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no labour line on job " + jobId + " in " + wo);
    }

    private static String labour(String code, String description, String hours) {
        return "{\"type\":\"LABOUR\",\"code\":\"" + code + "\",\"description\":\"" + description + "\",\"quantity\":"
                + hours
                + ",\"unitPrice\":300.00}";
    }

    @Test
    public void aWholeVisitFromAppointmentToDeliveryIsRecordedStepByStep() throws Exception {
        long n = unique();
        String plate = TestData.plate(n);
        LocalDate tomorrow = LocalDate.now(SHOP).plusDays(1);
        JsonNode appointment = ok(call("POST", "appointments", "advisor",
                "{\"plate\":\"" + plate + "\",\"channel\":\"PHONE\","
                        + "\"date\":\"" + tomorrow
                        + "\",\"start\":\"08:30\",\"advisor\":\"advisor\",\"concerns\":[\"保养\",\"左前轮异响\"]}"),
                201);
        long owner = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"陈先生\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();

        // the labour catalogue the estimate draws on (kept by the service manager)
        for (String op : new String[] { "BY-010\",\"name\":\"更换机油机滤\",\"flatRateHours\":0.8",
                "XJ-201\",\"name\":\"检查前悬挂\",\"flatRateHours\":1.5,\"skill\":\"MECHANICAL\"",
                "ZD-105\",\"name\":\"更换前刹车片\",\"flatRateHours\":0.8,\"skill\":\"MECHANICAL\"" }) {
            Reply added = call("POST", "labour-operations", "manager", "{\"code\":\"" + op + "}");
            assertTrue(added.raw(), added.status() == 201 || "labour.exists".equals(added.code(0)));
        }

        // reception of the appointment by a plate the archive does not know yet: the vehicle is registered on the way;
        // the appointment's plate, concerns and advisor are taken and the appointment is marked arrived
        // with the seconds always written: toString() leaves ":00" out, which the strict JSON reader refuses
        String promised = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(ZonedDateTime.now(SHOP).plusDays(1).withNano(0));
        // tomorrow's appointment is not received today; one booked for later today is (if the day has a slot left)
        String rest = ",\"vin\":\"" + TestData.vin(n) + "\",\"ownerId\":" + owner
                + ",\"mileageKm\":23150,\"fuelPercent\":40,"
                + "\"walkAround\":\"右后门划痕；后备箱有婴儿座椅\",\"promisedAt\":\"" + promised + "\","
                + "\"visitTypes\":[\"MAINTENANCE\",\"GENERAL_REPAIR\"]}";
        refused(call("POST", "work-orders", "advisor", "{\"appointmentId\":" + appointment.path("id").asLong() + rest),
                409,
                "appointmentId", "appointment.not_today");
        String start = todaysFreeSlot();
        if (start != null) {
            appointment = ok(call("POST", "appointments", "advisor",
                    "{\"plate\":\"" + plate + "\",\"channel\":\"PHONE\","
                            + "\"date\":\"" + LocalDate.now(SHOP) + "\",\"start\":\"" + start
                            + "\",\"advisor\":\"advisor\","
                            + "\"concerns\":[\"保养\",\"左前轮异响\"]}"),
                    201);
        }
        Reply opened = call("POST", "work-orders", "advisor", start != null
                ? "{\"appointmentId\":" + appointment.path("id").asLong() + rest
                : "{\"plate\":\"" + plate + "\",\"concerns\":[{\"concern\":\"保养\"},{\"concern\":\"左前轮异响\"}]" + rest);
        JsonNode wo = ok(opened, 201);
        long id = wo.path("id").asLong();
        String path = "work-orders/" + id;
        assertTrue(wo.toString(), wo.path("number").asText().matches("WO\\d{8}-\\d{4}"));
        assertEquals("AWAITING_DISPATCH", wo.path("status").asText());
        assertEquals(plate, wo.path("plate").asText());
        JsonNode vehicle = ok(call("GET", "vehicles/" + wo.path("vehicleId").asLong(), "advisor", null), 200);
        assertEquals(23150, vehicle.path("lastOdometerKm").asInt());
        if (start != null) {
            JsonNode arrived = ok(call("GET", "appointments/" + appointment.path("id").asLong(), "advisor", null), 200);
            assertEquals("ARRIVED", arrived.path("status").asText());
            assertEquals(id, arrived.path("workOrderId").asLong());
        }
        // beside the work order, what to raise at reception: a car new to the shop has no history and no due dates yet
        JsonNode reception = wo.path("reception");
        assertEquals(wo.toString(), plate, reception.path("plate").asText());
        assertEquals(wo.toString(), 0, reception.path("recentVisits").size());
        assertTrue(wo.toString(), reception.path("maintenance").isNull() && reception.path("reminders").isArray());
        assertEquals(reception, ok(call("GET", path + "/reception", "advisor", null), 200));

        // the same car again while this work order is open: refused unless the advisor confirms a second one
        String walkIn = "{\"plate\":\"" + plate + "\",\"mileageKm\":23150,\"visitTypes\":[\"GENERAL_REPAIR\"],"
                + "\"concerns\":[{\"concern\":\"洗车\"}]";
        long before = workOrders();
        Reply again = call("POST", "work-orders", "advisor", walkIn + "}");
        refused(again, 409, "confirmSecondOpen", "vehicle.open_work_order");
        assertTrue(again.raw(), again.raw().contains(wo.path("number").asText()));
        assertEquals("refused: nothing opened", before, workOrders());
        Reply secondOpen = call("POST", "work-orders", "advisor", walkIn + ",\"confirmSecondOpen\":true}");
        long secondId = ok(secondOpen, 201).path("id").asLong();
        ok(call("POST", "work-orders/" + secondId + "/status", "advisor", "{\"status\":\"CANCELLED\",\"note\":\"误开\"}",
                "If-Match", secondOpen.etag()), 200);

        // estimate: lines on the jobs, then the customer approves both
        long service = job(wo, "保养");
        long noise = job(wo, "左前轮异响");
        String etag = opened.etag();
        Reply r = call("POST", path + "/jobs/" + service + "/lines", "advisor", labour("BY-010", "更换机油机滤", "1.0"),
                "If-Match", etag);
        ok(r, 200);
        r = call("POST", path + "/jobs/" + service + "/lines", "advisor", "{\"type\":\"PART\",\"code\":\"90915-YZZE1\","
                + "\"description\":\"机油滤清器\",\"quantity\":1,\"unitPrice\":68.50,\"specialOrder\":true}", "If-Match",
                r.etag());
        ok(r, 200);
        r = call("POST", path + "/jobs/" + noise + "/lines", "advisor", labour("XJ-201", "检查前悬挂", "1.5"), "If-Match",
                r.etag());
        wo = ok(r, 200);
        // a part entered by mistake, removed before the customer sees the estimate
        r = call("POST", path + "/jobs/" + noise + "/lines", "advisor", "{\"type\":\"PART\",\"code\":\"WRONG-1\","
                + "\"description\":\"错录配件\",\"quantity\":1,\"unitPrice\":999,\"specialOrder\":true}", "If-Match",
                r.etag());
        long wrong = -1;
        for (JsonNode l : ok(r, 200).path("jobs").path(1).path("lines")) {
            wrong = "WRONG-1".equals(l.path("code").asText()) ? l.path("id").asLong() : wrong;
        }
        r = call("DELETE", path + "/jobs/" + noise + "/lines/" + wrong, "advisor", null, "If-Match", r.etag());
        wo = ok(r, 200);
        assertTrue(r.raw(), !r.raw().contains("WRONG-1"));
        // the JSON carries money exactly to the fen (the test's JSON reader would turn it into doubles)
        String totals = "\"totals\":{\"net\":818.50,\"vat\":106.41,\"gross\":924.91}";
        assertTrue("300.00 + 68.50 + 450.00, 13 % VAT to the fen: " + r.raw(), r.raw().contains(totals));
        r = call("POST", path + "/jobs/" + service + "/approval", "advisor",
                "{\"approvedBy\":\"陈先生\",\"channel\":\"IN_PERSON\"}", "If-Match", r.etag());
        ok(r, 200);
        r = call("POST", path + "/jobs/" + noise + "/approval", "advisor",
                "{\"approvedBy\":\"陈先生\",\"channel\":\"IN_PERSON\"}", "If-Match", r.etag());
        ok(r, 200);

        // dispatch with a suggestion: the technician with the skill and the least open work comes first, with why
        ok(call("POST", "technician-skills", "foreman",
                "{\"technician\":\"technician\",\"skill\":\"MECHANICAL\",\"level\":4}"), 200);
        JsonNode suggestions = ok(
                call("GET", path + "/assignments/" + service + "/suggestions?skill=MECHANICAL", "foreman", null), 200);
        assertEquals(suggestions.toString(), "technician", suggestions.path(0).path("technician").asText());
        assertTrue(suggestions.toString(), suggestions.path(0).path("reasonZh").asText().contains("4"));
        // without a skill asked: the one the job's labour operation (XJ-201) names in the catalogue
        assertEquals(suggestions,
                ok(call("GET", path + "/assignments/" + noise + "/suggestions", "foreman", null), 200));
        assertEquals("the QC inspector does not dispatch", 403,
                call("PUT", path + "/assignments/" + service, "inspector",
                        "{\"technicians\":[\"technician\"],\"bay\":\"A3\"}", "If-Match", r.etag()).status());
        for (long job : new long[] { service, noise }) {
            r = call("PUT", path + "/assignments/" + job, "foreman",
                    "{\"technicians\":[\"technician\"],\"bay\":\"A3\"}",
                    "If-Match", r.etag());
            ok(r, 200);
        }
        assertEquals(2, ok(call("GET", path + "/assignments", "advisor", null), 200).size());
        r = call("POST", path + "/status", "foreman", "{\"status\":\"IN_REPAIR\"}", "If-Match", r.etag());
        wo = ok(r, 200);
        String afterDispatch = r.etag();
        ok(call("POST", path + "/clocks/on", "technician", "{\"jobId\":" + service + ",\"labourLineId\":"
                + firstLabourLine(wo, service) + ",\"technician\":\"technician\"}"), 200);
        Reply second = call("POST", path + "/clocks/on", "technician", "{\"jobId\":" + noise + ",\"labourLineId\":"
                + firstLabourLine(wo, noise) + ",\"technician\":\"technician\"}");
        assertEquals(second.raw(), 409, second.status());
        assertEquals("clock.running", second.code(0));
        ok(call("POST", path + "/clocks/off", "technician", "{\"technician\":\"technician\"}"), 200);

        // work found during repair: an add-on job, not clockable until the customer approves it
        // clocking moved the work order on: the advisor's screen re-reads it
        assertEquals(409, call("POST", path + "/jobs", "advisor", "{\"concern\":\"x\",\"payType\":\"CUSTOMER\"}",
                "If-Match", afterDispatch).status());
        r = call("POST", path + "/jobs", "advisor", "{\"concern\":\"前刹车片磨损到限\",\"payType\":\"CUSTOMER\"}",
                "If-Match", call("GET", path, "advisor", null).etag());
        wo = ok(r, 200);
        long brakes = job(wo, "前刹车片磨损到限");
        // only the operation code: the catalogue gives the name and the flat-rate hours, the customer rate the price
        r = call("POST", path + "/jobs/" + brakes + "/lines", "advisor", "{\"type\":\"LABOUR\",\"code\":\"zd-105\"}",
                "If-Match", r.etag());
        wo = ok(r, 200);
        assertTrue(r.raw(), r.raw().contains("\"code\":\"ZD-105\",\"description\":\"更换前刹车片\",\"quantity\":0.80,"
                + "\"unitPrice\":100.00"));
        Reply unapproved = call("POST", path + "/clocks/on", "technician", "{\"jobId\":" + brakes + ",\"labourLineId\":"
                + firstLabourLine(wo, brakes) + ",\"technician\":\"technician\"}");
        assertEquals(unapproved.raw(), 409, unapproved.status());
        assertEquals("job.unapproved", unapproved.code(0));
        r = call("POST", path + "/jobs/" + brakes + "/approval", "advisor",
                "{\"approvedBy\":\"陈先生\",\"channel\":\"WECHAT\"}", "If-Match", r.etag());
        ok(r, 200);
        // approved but nobody dispatched it: the technician cannot clock on; the foreman assigns it on the spot
        String onBrakes = "{\"jobId\":" + brakes + ",\"labourLineId\":" + firstLabourLine(wo, brakes)
                + ",\"technician\":\"technician\"}";
        refused(call("POST", path + "/clocks/on", "technician", onBrakes), 409, "technician", "clock.not_dispatched");
        ok(call("POST", path + "/clocks/on", "foreman", onBrakes), 200);
        ok(call("POST", path + "/clocks/off", "technician", "{\"technician\":\"technician\"}"), 200);
        // the three Cs of the repair record: the technician adds the cause found and the correction done
        r = call("PUT", path + "/jobs/" + noise + "/findings", "technician", "{\"cause\":\"左前稳定杆连杆球头松旷\","
                + "\"correction\":\"更换左前稳定杆连杆，试车异响消除\"}", "If-Match", call("GET", path, "advisor", null).etag());
        JsonNode findings = ok(r, 200).path("jobs").path(1).path("findings");
        assertEquals(findings.toString(), "左前稳定杆连杆球头松旷", findings.path("cause").asText());
        assertEquals(findings.toString(), "technician", findings.path("recordedBy").asText());
        r = call("GET", path, "advisor", null);

        // QC fails: back to repair as rework; then passes at every level
        r = call("POST", path + "/status", "advisor", "{\"status\":\"AWAITING_QC\"}", "If-Match", r.etag());
        ok(r, 200);
        r = call("POST", path + "/qc", "inspector", "{\"level\":\"FINAL\",\"passed\":false,\"note\":\"异响仍在\"}",
                "If-Match", r.etag());
        wo = ok(r, 200);
        assertEquals("IN_REPAIR", wo.path("status").asText());
        assertEquals(1, wo.path("reworkCount").asInt());
        r = call("POST", path + "/status", "advisor", "{\"status\":\"AWAITING_QC\"}", "If-Match", r.etag());
        ok(r, 200);
        for (String[] check : new String[][] { { "SELF", "technician" }, { "FOREMAN", "foreman" },
                { "FINAL", "inspector" } }) {
            r = call("POST", path + "/qc", check[1], "{\"level\":\"" + check[0] + "\",\"passed\":true}", "If-Match",
                    r.etag());
            ok(r, 200);
        }
        // the customer brought his own oil filter: the part line is not issued (parts.not_issued otherwise)
        long filter = -1;
        for (JsonNode j : ok(r, 200).path("jobs")) {
            for (JsonNode l : j.path("lines")) {
                filter = "90915-YZZE1".equals(l.path("code").asText()) ? l.path("id").asLong() : filter;
            }
        }
        Reply early = call("POST", path + "/status", "advisor", "{\"status\":\"COMPLETED\"}", "If-Match", r.etag());
        assertEquals(early.raw(), 409, early.status());
        assertEquals(early.raw(), "parts.not_issued", early.code(0));
        r = call("POST", path + "/jobs/" + service + "/lines/" + filter + "/not-needed", "advisor",
                "{\"reason\":\"客户自带机滤\"}", "If-Match", r.etag());
        ok(r, 200);
        r = call("POST", path + "/status", "advisor", "{\"status\":\"COMPLETED\"}", "If-Match", r.etag());
        ok(r, 200);
        Reply stale = call("POST", path + "/status", "advisor", "{\"status\":\"DELIVERED\"}", "If-Match",
                afterDispatch);
        assertEquals("two people changing one work order: the second re-reads", 409, stale.status());
        // no car leaves unpaid (issue 14): the cashier settles and takes the money first
        JsonNode bill = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + id + "}"), 201).path(0);
        ok(call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + bill.path("payable").asText() + "}]}",
                "If-Match", "\"" + bill.path("version").asLong() + "\""), 200);
        r = call("POST", path + "/status", "advisor", "{\"status\":\"DELIVERED\"}", "If-Match", r.etag());
        wo = ok(r, 200);
        assertTrue(wo.toString(), !wo.path("deliveredAt").isNull());
        refused(call("PUT", path + "/jobs/" + noise + "/findings", "technician", "{\"cause\":\"x\"}", "If-Match",
                r.etag()),
                409, "status", "status.closed");
        Reply illegal = call("POST", path + "/status", "advisor", "{\"status\":\"IN_REPAIR\"}", "If-Match", r.etag());
        assertEquals(illegal.raw(), 409, illegal.status());
        assertEquals("illegal_transition", illegal.code(0));

        List<String> steps = new ArrayList<>();
        for (JsonNode h : ok(call("GET", path + "/history", "advisor", null), 200)) {
            assertTrue(h.toString(), !h.path("username").asText().isEmpty() && !h.path("at").isNull());
            steps.add(h.path("to").asText());
        }
        assertEquals(List.of("AWAITING_DISPATCH", "IN_REPAIR", "AWAITING_QC", "IN_REPAIR", "AWAITING_QC", "COMPLETED",
                "DELIVERED"), steps);
        // the timeline: every step of the visit with who and when
        List<String> who = new ArrayList<>();
        for (JsonNode t : ok(call("GET", path + "/timeline", "advisor", null), 200)) {
            assertTrue(t.toString(), !t.path("at").isNull() && !t.path("textZh").asText().isEmpty());
            who.add(t.path("kind").asText() + ":" + t.path("username").asText());
        }
        assertEquals(who.toString(), "OPENED:advisor", who.get(0));
        assertEquals(who.toString(), "STATUS:advisor", who.get(who.size() - 1));
        for (String step : List.of("APPROVED:advisor", "DISPATCHED:foreman", "STATUS:foreman", "CLOCKED_ON:technician",
                "CLOCKED_OFF:technician", "FINDINGS:technician", "QC_FAILED:inspector", "QC_PASSED:technician",
                "QC_PASSED:foreman",
                "QC_PASSED:inspector")) {
            assertTrue(step + " in " + who, who.contains(step));
        }
        assertEquals(who.toString(), 3, who.stream().filter("APPROVED:advisor"::equals).count());
        assertTrue(who.toString(), who.indexOf("QC_FAILED:inspector") < who.indexOf("QC_PASSED:inspector"));
        assertEquals("the failed check, then the return to repair it caused", "STATUS:inspector",
                who.get(who.indexOf("QC_FAILED:inspector") + 1));
        assertEquals("the service and the brakes were clocked; the refused clock-ons left nothing", 2,
                ok(call("GET", path + "/clocks", "advisor", null), 200).size());
        JsonNode found = ok(
                call("GET", "work-orders?plate=" + java.net.URLEncoder.encode(plate, "UTF-8") + "&status=DELIVERED",
                        "advisor", null),
                200);
        assertEquals(1, found.path("total").asInt());
    }

    private static long workOrders() throws Exception {
        return ok(call("GET", "work-orders?size=1", "advisor", null), 200).path("total").asLong();
    }

    /** The refusal names this field with this code, among the fields it names. */
    private static void refused(Reply r, int status, String field, String code) {
        assertEquals(r.raw(), status, r.status());
        boolean named = false;
        for (JsonNode e : r.json().path("errors")) {
            named |= e.path("field").asText().equals(field) && e.path("code").asText().equals(code);
        }
        assertTrue(field + "/" + code + " expected in " + r.raw(), named);
    }

    @Test
    public void badReceptionsAndBadCatalogueEntriesAreRefusedOverRestAndChangeNothing() throws Exception {
        long n = unique();
        String plate = TestData.plate(n);
        long before = workOrders();
        long owner = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"周女士\",\"mobile\":\""
                + newMobile() + "\"}"), 201).path("id").asLong();
        String good = "\"plate\":\"" + plate + "\",\"vin\":\"" + TestData.vin(n) + "\",\"ownerId\":" + owner
                + ",\"visitTypes\":[\"GENERAL_REPAIR\"]";
        refused(call("POST", "work-orders", "advisor", "{" + good + "}"), 400, "mileageKm", "required");
        refused(call("POST", "work-orders", "advisor", "{" + good + ",\"mileageKm\":100,\"fuelPercent\":101}"), 400,
                "fuelPercent", "out_of_range");
        refused(call("POST", "work-orders", "advisor",
                "{\"plate\":\"京A12\",\"mileageKm\":100,\"visitTypes\":[\"PDI\"]}"),
                400, "plate", "plate.format");
        refused(call("POST", "work-orders", "advisor", "{" + good + ",\"mileageKm\":100,\"appointmentId\":999999999}"),
                400,
                "appointmentId", "not_found");
        Reply wrongType = call("POST", "work-orders", "advisor", "{" + good + ",\"mileageKm\":\"many\"}");
        assertEquals(wrongType.raw(), 400, wrongType.status());
        assertEquals(wrongType.raw(), "mileageKm", wrongType.field(0));
        Reply unknownType = call("POST", "work-orders", "advisor",
                "{" + good + ",\"mileageKm\":100,\"visitTypes\":[\"WASH\"]}");
        assertEquals(unknownType.raw(), 400, unknownType.status());
        assertEquals(403, call("POST", "work-orders", "cashier", "{" + good + ",\"mileageKm\":100}").status());
        assertEquals("no work order was opened", before, workOrders());
        assertEquals("and no vehicle registered", 0,
                ok(call("GET", "vehicles?q=" + java.net.URLEncoder.encode(plate, "UTF-8"), "advisor", null), 200)
                        .path("total").asInt());

        // the catalogue: only managers keep it, and every entry is checked
        String code = "T" + n % 1_000_000;
        refused(call("POST", "labour-operations", "manager", "{\"code\":\"" + code + "\",\"name\":\"x\"}"), 400,
                "flatRateHours", "required");
        refused(call("POST", "labour-operations", "manager",
                "{\"code\":\"" + code + "\",\"name\":\"x\",\"flatRateHours\":0.125}"), 400, "flatRateHours", "scale");
        assertEquals(403, call("POST", "labour-operations", "advisor",
                "{\"code\":\"" + code + "\",\"name\":\"x\",\"flatRateHours\":1}").status());
        assertEquals(404, call("GET", "labour-operations/" + code, "advisor", null).status());
        Reply added = call("POST", "labour-operations", "manager",
                "{\"code\":\"" + code + "\",\"name\":\"四轮定位\",\"flatRateHours\":1.2,\"skill\":\"MECHANICAL\"}");
        assertEquals(added.raw(), 201, added.status());
        refused(call("PUT", "labour-operations/" + code, "manager", "{\"name\":\"四轮定位\",\"flatRateHours\":1.5}"),
                400, "If-Match", "required");
        Reply retired = call("PUT", "labour-operations/" + code, "manager",
                "{\"name\":\"四轮定位\",\"flatRateHours\":1.5,\"active\":false}", "If-Match", added.etag());
        assertEquals(retired.raw(), 200, retired.status());
        assertEquals(409, call("PUT", "labour-operations/" + code, "manager",
                "{\"name\":\"x\",\"flatRateHours\":1}", "If-Match", added.etag()).status());
        JsonNode found = ok(call("GET", "labour-operations?q=" + code.toLowerCase(), "advisor", null), 200);
        assertEquals(found.toString(), false, found.path("items").path(0).path("active").asBoolean(true));

        // a line naming a retired operation is refused and the work order keeps its version
        Reply opened = call("POST", "work-orders", "advisor", "{" + good + ",\"mileageKm\":100,"
                + "\"concerns\":[{\"concern\":\"跑偏\"}]}");
        JsonNode wo = ok(opened, 201);
        String path = "work-orders/" + wo.path("id").asLong();
        refused(call("POST", path + "/jobs/" + wo.path("jobs").path(0).path("id").asLong() + "/lines", "advisor",
                "{\"type\":\"LABOUR\",\"code\":\"" + code + "\"}", "If-Match", opened.etag()), 400, "code",
                "labour.unknown_operation");
        assertEquals(opened.etag(), call("GET", path, "advisor", null).etag());

        // the customer declines the job: it stays, with the reason, and no longer takes lines
        long job = wo.path("jobs").path(0).path("id").asLong();
        refused(call("POST", path + "/jobs/" + job + "/decline", "advisor", "{}", "If-Match", opened.etag()), 400,
                "reason",
                "required");
        Reply declined = call("POST", path + "/jobs/" + job + "/decline", "advisor", "{\"reason\":\"客户下次再做\"}",
                "If-Match", opened.etag());
        assertEquals(declined.raw(), "客户下次再做",
                ok(declined, 200).path("jobs").path(0).path("decline").path("reason").asText());
        refused(call("POST", path + "/jobs/" + job + "/lines", "advisor", "{\"type\":\"FEE\",\"description\":\"检测费\","
                + "\"quantity\":1,\"unitPrice\":50}", "If-Match", declined.etag()), 409, "jobId", "job.declined");
    }
}
