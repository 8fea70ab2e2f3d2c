package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reports over HTTP (issue 15): the manager enters the month's workshop resources (a wrong entry refused field by
 * field, nothing stored), a visit goes through reception, parts, QC and the cash desk, and the month's KPI pack,
 * revenue and drill-down follow it within seconds; a reversal takes its revenue back on its own day. The console
 * prints the pack; an advisor reads none of it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ReportsIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
        awaitAnswer("reports/kpis", "manager", 200);
    }

    private static BigDecimal kpi(JsonNode pack, String code, String what) {
        for (JsonNode k : pack.path("kpis")) {
            if (k.path("code").asText().equals(code)) {
                return k.path(what).isNull() ? null : new BigDecimal(k.path(what).asText());
            }
        }
        throw new AssertionError("no KPI " + code + " in " + pack);
    }

    private static BigDecimal net(JsonNode revenue) {
        return new BigDecimal(revenue.path("total").path("net").asText());
    }

    /** Reads until the condition holds: the projection follows the desk on a worker of its own. */
    private static JsonNode await(String path, java.util.function.Predicate<JsonNode> done) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            last = ok(call("GET", path, "manager", null), 200);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not follow: " + last);
    }

    @Test
    public void aVisitThroughTheDeskShowsInTheMonthsKpisRevenueAndDrillDown() throws Exception {
        JsonNode before = ok(call("GET", "reports/kpis", "manager", null), 200);
        String month = before.path("period").path("from").asText().substring(0, 7);
        BigDecimal vehiclesBefore = kpi(before, "vehicles_in", "value");
        BigDecimal netBefore = net(ok(call("GET", "reports/revenue", "manager", null), 200));

        // resources: a wrong entry names each field and stores nothing
        Reply wrong = call("PUT", "reports/resources/" + month, "manager",
                "{\"workingWeekdays\":[\"MONDAY\",\"FUNDAY\"],"
                        + "\"shiftHours\":0,\"bays\":{\"MECHANICAL\":4},\"technicians\":[{\"login\":\"wang.tech\",\"trade\":\"MECHANICAL\","
                        + "\"wage\":6000}],\"commissionShare\":0.1}");
        assertEquals(wrong.raw(), 400, wrong.status());
        assertEquals("workingWeekdays[1]", wrong.field(0));
        Reply wrong2 = call("PUT", "reports/resources/" + month, "manager", "{\"workingWeekdays\":[\"MONDAY\"],"
                + "\"shiftHours\":0,\"bays\":{\"MECHANICAL\":-4},\"technicians\":[],\"commissionShare\":2}");
        assertEquals(wrong2.raw(), 400, wrong2.status());
        assertEquals("shiftHours", wrong2.field(0));
        assertTrue(wrong2.raw(), wrong2.raw().contains("班次工时") && wrong2.raw().contains("bays.MECHANICAL"));
        JsonNode entered = ok(call("PUT", "reports/resources/" + month, "manager", "{\"workingWeekdays\":[\"MONDAY\","
                + "\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\"],\"shiftHours\":8,\"bays\":{\"MECHANICAL\":4,"
                + "\"BODY\":1,\"PAINT\":1},\"technicians\":[{\"login\":\"technician\",\"trade\":\"MECHANICAL\",\"wage\":6000}],"
                + "\"commissionShare\":0.15}"), 200);
        assertEquals("manager", entered.path("updatedBy").asText());
        assertEquals(403, call("PUT", "reports/resources/" + month, "advisor", "{}").status());
        assertEquals(403, call("GET", "reports/kpis", "advisor", null).status());

        // a visit: 1.5 h + 2 h labour at 100, an oil filter at 68.50 (cost 30), the customer's bill paid in cash
        JsonNode wo = SettlementIT.completedWorkOrder();
        JsonNode bill = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}"), 201).path(0);
        String payable = bill.path("payable").asText();
        JsonNode paid = ok(call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + payable + ",\"tendered\":" + payable + "}]}",
                "If-Match", "\"" + bill.path("version").asLong() + "\""), 200);
        BigDecimal billNet = new BigDecimal(bill.path("net").asText());

        JsonNode after = await("reports/kpis", p -> kpi(p, "vehicles_in", "value").equals(vehiclesBefore.add(
                BigDecimal.ONE)));
        assertTrue(after.toString(), kpi(after, "bay_turnover", "value") != null);
        JsonNode revenue = await("reports/revenue?by=DAY", r -> net(r).compareTo(netBefore.add(billNet)) == 0);
        assertTrue(revenue.toString(), new BigDecimal(revenue.path("total").path("partsCost").asText()).signum() > 0);
        JsonNode drill = ok(call("GET", "reports/kpis/vehicles_in/work-orders", "manager", null), 200);
        assertTrue(drill.toString(), drill.toString().contains(wo.path("number").asText()));

        // the manager reverses the bill: the month's revenue takes it back
        ok(call("POST", "settlements/" + paid.path("id").asLong() + "/reverse", "manager",
                "{\"reason\":\"报表测试：开错\"}", "If-Match", "\"" + paid.path("version").asLong() + "\""), 201);
        await("reports/revenue", r -> net(r).compareTo(netBefore) == 0);

        // customers: the visit's customer came this month; months out of range named
        assertTrue(ok(call("GET", "reports/customers", "manager", null), 200).path("customers").asLong() >= 1);
        Reply months = call("GET", "reports/customers?months=0", "manager", null);
        assertEquals(months.raw(), 400, months.status());
        assertEquals("months", months.field(0));

        // next month's forecast names its method (with this young shop's history it may forecast nothing yet)
        JsonNode forecast = ok(call("GET", "reports/forecast", "manager", null), 200);
        assertTrue(forecast.toString(), forecast.path("method").asText().startsWith("MOVING_AVERAGE")
                || forecast.path("method").asText().equals("SEASONAL_TREND"));
        assertEquals(400, call("GET", "reports/forecast?month=2026-13", "manager", null).status());

        // alerts: three rules, a threshold over 1 refused naming it, a check answers what it raised
        assertEquals(3, ok(call("GET", "reports/alert-rules", "manager", null), 200).size());
        Reply badRule = call("PUT", "reports/alert-rules/visits_drop", "manager",
                "{\"enabled\":true,\"threshold\":1.5}");
        assertEquals(badRule.raw(), 400, badRule.status());
        assertEquals("threshold", badRule.field(0));
        assertEquals(403,
                call("PUT", "reports/alert-rules/visits_drop", "advisor", "{\"enabled\":false,\"threshold\":0.3}")
                        .status());
        assertTrue(ok(call("POST", "reports/alerts/check", "manager", null), 200).isArray());

        // the pack as Excel, and on the console
        HttpResponse<byte[]> xlsx = InvoiceIT.get("reports/export/kpis", "manager");
        assertEquals(200, xlsx.statusCode());
        assertTrue(InvoiceIT.xlsxText(xlsx.body()).contains("返修率"));
        HttpResponse<byte[]> pdf = InvoiceIT.get("reports/print/kpis", "manager");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        String printed = console("dms:report-kpis --month " + month);
        assertTrue(printed, printed.contains("进厂台数") && printed.contains("工作日 D="));
        assertTrue(printed, console("dms:report-technicians --month " + month).contains("名技师"));
    }
}
