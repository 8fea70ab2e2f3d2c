package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Credit accounts and the cashier's day over REST (issue 14 items 3 and 4): a company car goes on account and appears
 * on the month's statement; receipts pay it (never more than owed) and the ageing moves to nothing owed; the
 * cashier's day then closes with zero variance, once, and that cashier takes no more money that day. A cashier of its
 * own, so the suite's other cashier keeps taking money.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CreditIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatformPatiently("cash-ups/mine", "cashier");
    }

    private static BigDecimal money(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    @Test
    public void aCompanyCarOnAccountIsOnTheMonthsStatementPaidByReceiptsAndTheCashiersDayClosesAtZero()
            throws Exception {
        String login = "cash" + unique();
        ok(call("POST", "staff", "admin", "{\"login\":\"" + login + "\",\"name\":\"钱收银\",\"password\":"
                + "\"Shou-yin-2026\",\"roles\":[\"cashier\"]}"), 201);
        String cashier = login + ":Shou-yin-2026";

        long company = ok(call("POST", "customers", "advisor", "{\"type\":\"COMPANY\",\"name\":\"顺丰车队"
                + unique() + "\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();
        ok(call("PUT", "settlements/credit-accounts/" + company, "manager",
                "{\"creditLimit\":50000,\"termsDays\":30}"), 200);

        JsonNode wo = SettlementIT.completedWorkOrder(company);
        JsonNode docs = ok(call("POST", "settlements", cashier, "{\"workOrderId\":" + wo.path("id").asLong() + "}"),
                201);
        JsonNode bill = docs.path(0);
        assertEquals("CUSTOMER", bill.path("payer").asText());
        BigDecimal payable = money(bill.path("payable"));
        JsonNode paid = ok(call("POST", "settlements/" + bill.path("id").asLong() + "/payments", cashier,
                "{\"tenders\":[{\"method\":\"ON_ACCOUNT\",\"amount\":" + payable + "}]}", "If-Match",
                "\"" + bill.path("version").asLong() + "\""), 200);
        assertEquals(payable, money(paid.path("onAccount")));

        // the month's statement lists the bill; asking again gives the same statement
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode st = ok(call("POST", "credit-accounts/" + company + "/statements", cashier,
                "{\"period\":\"" + month + "\"}"), 200);
        assertEquals(st.toString(), bill.path("number").asText(), st.path("documents").path(0).path("number").asText());
        assertEquals(payable, money(st.path("owed")));
        assertEquals(st.path("id").asLong(), ok(call("POST", "credit-accounts/" + company + "/statements", "manager",
                "{\"period\":\"" + month + "\"}"), 200).path("id").asLong());
        assertEquals(400, call("POST", "credit-accounts/" + company + "/statements", cashier,
                "{\"period\":\"" + YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1) + "\"}").status());
        JsonNode ageing = ok(call("GET", "credit-accounts/" + company + "/ageing", "cashier", null), 200);
        assertEquals(payable, money(ageing.path("current")));
        assertFalse(ageing.path("overdue").asBoolean());

        // receipts: part cash, never more than owed, then the rest
        String receipts = "credit-accounts/statements/" + st.path("id").asLong() + "/receipts";
        ok(call("POST", receipts, cashier, "{\"method\":\"CASH\",\"amount\":100}"), 201);
        BigDecimal rest = payable.subtract(new BigDecimal("100"));
        Reply over = call("POST", receipts, cashier,
                "{\"method\":\"CASH\",\"amount\":" + rest.add(BigDecimal.ONE) + "}");
        assertEquals(over.raw(), 409, over.status());
        assertEquals("statement.overpaid", over.code(0));
        assertEquals(400, call("POST", receipts, cashier, "{\"method\":\"TRANSFER\",\"amount\":1}").status());
        ok(call("POST", receipts, cashier, "{\"method\":\"CASH\",\"amount\":" + rest + "}"), 201);
        assertEquals(0, money(ok(call("GET", "credit-accounts/statements/" + st.path("id").asLong(), "cashier", null),
                200).path("owed")).signum());
        JsonNode after = ok(call("GET", "credit-accounts/" + company + "/ageing", "cashier", null), 200);
        assertEquals(0, money(after.path("total")).signum());
        assertEquals(0, money(ok(call("GET", "settlements/credit-accounts/" + company, "cashier", null), 200)
                .path("balance")).signum());

        // the cashier's day: the cash received, counted to the fen, closed by the manager once
        JsonNode mine = ok(call("GET", "cash-ups/mine", cashier, null), 200);
        assertEquals(mine.toString(), payable, money(mine.path("expectedCash")));
        assertTrue(mine.toString(), mine.toString().contains("ON_ACCOUNT"));
        JsonNode counted = ok(call("POST", "cash-ups/count", cashier, "{\"countedCash\":" + payable + "}"), 200);
        assertEquals(0, money(counted.path("variance")).signum());
        String close = "cash-ups/" + counted.path("id").asLong() + "/close";
        String version = "\"" + counted.path("version").asLong() + "\"";
        assertEquals(403, call("POST", close, cashier, "{}", "If-Match", version).status());
        JsonNode closed = ok(call("POST", close, "manager", "{}", "If-Match", version), 200);
        assertEquals("CLOSED", closed.path("status").asText());
        Reply twice = call("POST", close, "manager", "{}", "If-Match", "\"" + closed.path("version").asLong() + "\"");
        assertEquals(twice.raw(), 409, twice.status());
        assertEquals("cashup.closed", twice.code(0));
        Reply late = call("POST", "cash-ups/count", cashier, "{\"countedCash\":1}");
        assertEquals("cashup.closed", late.code(0));
        JsonNode list = ok(call("GET", "cash-ups", "manager", null), 200);
        assertTrue(list.toString(), list.toString().contains(login));
        JsonNode trail = ok(call("GET", "audit?type=cash-up&id=" + closed.path("id").asLong(), "manager", null), 200);
        assertTrue(trail.toString(), trail.toString().contains("manager"));
    }
}
