package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * What the desk sees over REST: the promised time moved with a reason, the workshop's open work orders and a customer's
 * found in one call, a declined job raised again at the car's next reception and taken up, and the insurance plugin's
 * policy ending soon raised at reception.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WorkOrderDeskIT extends DmsTestSupport {

    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    private static void refused(Reply r, int status, String field) {
        assertEquals(r.raw(), status, r.status());
        assertEquals(r.raw(), field, r.field(0));
    }

    private static String at(ZonedDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private static List<String> codes(JsonNode reception) {
        List<String> codes = new ArrayList<>();
        reception.path("reminders").forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    /** A customer of her own, so that searches by her name or mobile find this test's work orders only. */
    private static long customer(String name, String mobile) throws Exception {
        return ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"mobile\":\""
                + mobile + "\"}"), 201).path("id").asLong();
    }

    private static Reply open(long n, long owner, String... concerns) throws Exception {
        StringBuilder jobs = new StringBuilder();
        for (String c : concerns) {
            jobs.append(jobs.length() == 0 ? "" : ",").append("{\"concern\":\"").append(c).append("\"}");
        }
        return call("POST", "work-orders", "advisor",
                "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\"" + TestData.vin(n)
                        + "\",\"ownerId\":" + owner + ",\"mileageKm\":" + (20000 + n % 1000) + ",\"concerns\":[" + jobs
                        + "],\"promisedAt\":\"" + at(ZonedDateTime.now(SHOP).plusHours(5))
                        + "\",\"visitTypes\":[\"GENERAL_REPAIR\"]}");
    }

    @Test
    public void aHighVoltageJobGoesToATechnicianWithTheSkillAndWhoActsForHimIsInTheTimeline() throws Exception {
        long n = unique();
        String op = "HV-" + n;
        ok(call("POST", "labour-operations", "manager", "{\"code\":\"" + op + "\",\"name\":\"高压电池包绝缘检测\","
                + "\"flatRateHours\":1.5,\"skill\":\"HIGH_VOLTAGE\"}"), 201);
        long owner = customer("钱先生", newMobile());
        // the advisor named at reception is a real advisor
        Reply byTechnician = call("POST", "work-orders", "advisor",
                "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                        + TestData.vin(n) + "\",\"ownerId\":" + owner
                        + ",\"mileageKm\":1000,\"concerns\":[{\"concern\":\"x\"}],"
                        + "\"visitTypes\":[\"GENERAL_REPAIR\"],\"advisor\":\"technician\"}");
        refused(byTechnician, 400, "advisor");
        assertEquals("staff.role", byTechnician.code(0));

        Reply r = open(n, owner, "高压系统故障灯亮");
        String path = "work-orders/" + r.json().path("id").asLong();
        long job = r.json().path("jobs").path(0).path("id").asLong();
        r = call("POST", path + "/jobs/" + job + "/lines", "advisor", "{\"type\":\"LABOUR\",\"code\":\"" + op + "\"}",
                "If-Match", r.etag());
        ok(r, 200);
        r = call("POST", path + "/jobs/" + job + "/approval", "advisor",
                "{\"approvedBy\":\"钱先生\",\"channel\":\"IN_PERSON\"}",
                "If-Match", r.etag());
        ok(r, 200);
        // the demo technician has no high-voltage skill; a cashier is no technician at all
        Reply unskilled = call("PUT", path + "/assignments/" + job, "foreman", "{\"technicians\":[\"technician\"]}",
                "If-Match", r.etag());
        refused(unskilled, 409, "technicians[0]");
        assertEquals("technician.lacks_skill", unskilled.code(0));
        assertTrue(unskilled.raw(), unskilled.raw().contains("高压电工"));
        refused(call("PUT", path + "/assignments/" + job, "foreman", "{\"technicians\":[\"cashier\"],"
                + "\"skillOverride\":\"没人了\"}", "If-Match", r.etag()), 400, "technicians[0]");
        r = call("PUT", path + "/assignments/" + job, "foreman", "{\"technicians\":[\"technician\"],"
                + "\"skillOverride\":\"高压电工休假，持证班长现场监护\"}", "If-Match", r.etag());
        ok(r, 200);

        // another technician, not dispatched here, cannot record findings; the foreman records them for the technician
        String other = "hv" + n;
        ok(call("POST", "staff", "admin", "{\"login\":\"" + other + "\",\"name\":\"孙师傅\",\"password\":"
                + "\"Sun-shifu-2026\",\"roles\":[\"technician\"]}"), 201);
        Reply notHis = call("PUT", path + "/jobs/" + job + "/findings", other + ":Sun-shifu-2026",
                "{\"cause\":\"绝缘电阻低\"}", "If-Match", r.etag());
        refused(notHis, 403, "jobId");
        assertEquals("job.not_assigned", notHis.code(0));
        ok(call("PUT", path + "/jobs/" + job + "/findings", "foreman", "{\"cause\":\"绝缘电阻低\","
                + "\"correction\":\"更换高压线束\"}", "If-Match", r.etag()), 200);

        List<String> kinds = new ArrayList<>();
        String actedFor = null;
        for (JsonNode s : ok(call("GET", path + "/timeline", "advisor", null), 200)) {
            kinds.add(s.path("kind").asText());
            actedFor = "ACTED_FOR".equals(s.path("kind").asText()) ? s.path("textZh").asText() : actedFor;
        }
        assertTrue(kinds.toString(), kinds.contains("SKILL_OVERRIDE") && kinds.contains("ACTED_FOR"));
        assertEquals("foreman 代 technician 登记故障原因和维修措施", actedFor);
    }

    @Test
    public void thePromisedTimeMovesWithAReasonKeptInTheTimeline() throws Exception {
        long n = unique();
        Reply opened = open(n, customer("赵女士", newMobile()), "刹车异响");
        String path = "work-orders/" + opened.json().path("id").asLong();
        assertTrue(opened.raw(), opened.json().path("onTime").isNull() && !opened.json().path("late").asBoolean());
        String later = at(ZonedDateTime.now(SHOP).plusDays(1));

        refused(call("PUT", path + "/promised-at", "advisor", "{\"promisedAt\":\"" + at(ZonedDateTime.now(SHOP)
                .minusHours(2)) + "\",\"reason\":\"加做刹车片\"}", "If-Match", opened.etag()), 400, "promisedAt");
        refused(call("PUT", path + "/promised-at", "advisor", "{\"promisedAt\":\"" + later + "\"}", "If-Match",
                opened.etag()), 400, "reason");
        refused(call("PUT", path + "/promised-at", "technician", "{\"promisedAt\":\"" + later + "\",\"reason\":\"x\"}",
                "If-Match", opened.etag()), 403, "");
        assertEquals(opened.etag(), call("GET", path, "advisor", null).etag());

        Reply moved = call("PUT", path + "/promised-at", "advisor", "{\"promisedAt\":\"" + later
                + "\",\"reason\":\"客户同意加做刹车片，配件明天到\"}", "If-Match", opened.etag());
        ok(moved, 200);
        assertFalse(opened.etag().equals(moved.etag()));
        assertEquals(409, call("PUT", path + "/promised-at", "advisor", "{\"promisedAt\":\"" + later
                + "\",\"reason\":\"再改\"}", "If-Match", opened.etag()).status());
        JsonNode timeline = ok(call("GET", path + "/timeline", "advisor", null), 200);
        JsonNode step = null;
        for (JsonNode s : timeline) {
            step = "PROMISE_CHANGED".equals(s.path("kind").asText()) ? s : step;
        }
        assertTrue(timeline.toString(), step != null && step.path("textZh").asText().contains("客户同意加做刹车片，配件明天到")
                && "advisor".equals(step.path("username").asText()));
    }

    @Test
    public void theWorkshopsOpenWorkOrdersAndACustomersAreFoundInOneCall() throws Exception {
        long n = unique();
        String mobile = newMobile();
        String name = "欧阳" + n;
        long owner = customer(name, mobile);
        long waiting = open(n, owner, "漏油").json().path("id").asLong();
        long received = open(unique(), owner, "保养").json().path("id").asLong();
        Reply toCancel = open(unique(), owner, "洗车");
        ok(call("POST", "work-orders/" + toCancel.json().path("id").asLong() + "/status", "advisor",
                "{\"status\":\"CANCELLED\",\"note\":\"客户不修了\"}", "If-Match", toCancel.etag()), 200);
        Reply w = call("GET", "work-orders/" + waiting, "advisor", null);
        Reply r = call("POST", "work-orders/" + waiting + "/status", "foreman", "{\"status\":\"IN_REPAIR\"}",
                "If-Match", w.etag());
        ok(call("POST", "work-orders/" + waiting + "/status", "foreman",
                "{\"status\":\"WAITING\",\"waitReason\":\"PARTS\"}",
                "If-Match", ok(r, 200) == null ? null : r.etag()), 200);

        String hers = "&customer=" + q(name);
        assertEquals(List.of(received, waiting),
                ids(ok(call("GET", "work-orders?open=true" + hers, "advisor", null), 200)));
        assertEquals(List.of(received, waiting),
                ids(ok(call("GET", "work-orders?status=WAITING&status=AWAITING_DISPATCH"
                        + hers, "advisor", null), 200)));
        assertEquals(List.of(waiting),
                ids(ok(call("GET", "work-orders?status=" + q("WAITING,IN_REPAIR") + hers, "advisor",
                        null), 200)));
        assertEquals(3, ids(ok(call("GET", "work-orders?customer=" + mobile, "advisor", null), 200)).size());
        assertEquals(3,
                ids(ok(call("GET", "work-orders?customer=" + mobile.substring(5), "advisor", null), 200)).size());
        assertEquals(List.of(), ids(ok(call("GET", "work-orders?late=true" + hers, "advisor", null), 200)));
        String today = LocalDate.now(SHOP).toString();
        JsonNode kpi = ok(call("GET", "work-orders/on-time?from=" + today + "&to=" + today, "advisor", null), 200);
        assertTrue(kpi.toString(), kpi.path("delivered").asLong() >= kpi.path("promised").asLong()
                && kpi.path("promised").asLong() == kpi.path("onTime").asLong() + kpi.path("late").asLong());
        refused(call("GET", "work-orders/on-time?from=" + today + "&to=" + LocalDate.now(SHOP).minusDays(1), "advisor",
                null), 400, "to");
        refused(call("GET", "work-orders?status=WAITING,BROKEN", "advisor", null), 400, "status");
        refused(call("GET", "work-orders?open=yes", "advisor", null), 400, "open");
    }

    @Test
    public void aDeclinedJobIsRaisedAtTheCarsNextReceptionAndTakenUp() throws Exception {
        long n = unique();
        long owner = customer("孙先生", newMobile());
        Reply first = open(n, owner, "保养", "建议更换雨刮");
        long id = first.json().path("id").asLong();
        long wipers = first.json().path("jobs").path(1).path("id").asLong();
        Reply declined = call("POST", "work-orders/" + id + "/jobs/" + wipers + "/decline", "advisor",
                "{\"reason\":\"下次再换\"}", "If-Match", first.etag());
        ok(declined, 200);
        ok(call("POST", "work-orders/" + id + "/status", "advisor", "{\"status\":\"CANCELLED\",\"note\":\"客户开走了\"}",
                "If-Match", declined.etag()), 200);
        JsonNode followUps = ok(call("GET", "follow-ups?plate=" + q(TestData.plate(n)), "advisor", null), 200);
        assertEquals(followUps.toString(), 1, followUps.path("total").asInt());
        assertEquals("建议更换雨刮", followUps.path("items").path(0).path("concern").asText());
        assertEquals("OPEN", followUps.path("items").path(0).path("outcome").asText());

        Reply next = open(n, owner, "异响");
        assertTrue(next.raw(), codes(next.json().path("reception")).contains("followup.declined"));
        String path = "follow-ups/" + wipers;
        refused(call("POST", path + "/take-up", "advisor", "{}", "If-Match", next.etag()), 400, "workOrderId");
        Reply taken = call("POST", path + "/take-up", "advisor",
                "{\"workOrderId\":" + next.json().path("id").asLong() + "}",
                "If-Match", next.etag());
        assertEquals(2, ok(taken, 200).path("jobs").size());
        assertEquals("建议更换雨刮", taken.json().path("jobs").path(1).path("concern").asText());
        assertEquals("TAKEN_UP", ok(call("GET", path, "advisor", null), 200).path("outcome").asText());
        Reply again = call("POST", path + "/dismiss", "advisor", "{\"reason\":\"重复\"}");
        assertEquals(again.raw(), 409, again.status());
        assertEquals("followup.closed", again.code(0));
        assertEquals(0, ok(call("GET", "follow-ups?plate=" + q(TestData.plate(n)), "advisor", null), 200).path("total")
                .asInt());
    }

    @Test
    public void theInsurancePluginRaisesAPolicyEndingSoonAtReception() throws Exception {
        long n = unique();
        long owner = customer("钱女士", newMobile());
        long vehicle = ok(call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\""
                + TestData.plate(n) + "\",\"ownerId\":" + owner + "}"), 201).path("id").asLong();
        LocalDate end = LocalDate.now(SHOP).plusDays(10);
        ok(call("POST", "insurance/policies", "advisor", "{\"vehicleId\":" + vehicle + ",\"insurer\":\"中国人保\","
                + "\"policyNumber\":\"PDAA" + n + "\",\"kind\":\"COMMERCIAL\",\"startDate\":\""
                + end.minusYears(1).plusDays(1)
                + "\",\"endDate\":\"" + end + "\",\"premium\":3200.00}"), 201);
        JsonNode reception = ok(open(n, owner, "保养"), 201).path("reception");
        JsonNode due = null;
        for (JsonNode r : reception.path("reminders")) {
            due = "insurance.policy_due".equals(r.path("code").asText()) ? r : due;
        }
        assertTrue(reception.toString(), due != null && due.path("messageZh").asText().contains("商业险")
                && due.path("messageZh").asText().contains(end.toString()));
    }
}
