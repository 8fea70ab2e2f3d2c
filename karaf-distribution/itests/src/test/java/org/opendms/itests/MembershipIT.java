package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
 * The membership plugin as a shop runs it over real HTTP: a customer joins at the desk, the cashier sells a top-up
 * with bonus, the member pays part of a bill with stored value after entering the PIN, the manager reverses the bill
 * and the card is whole again; disabled, the cashier works on with the other tenders, and enabled again the balance is
 * there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MembershipIT extends DmsTestSupport {

    /** The 4S profile the distribution ships enables the plugin; another check may have disabled it. */
    @Before
    public void pluginEnabled() throws Exception {
        awaitAnswer("plugins/membership", "admin", 200);
        if (!call("GET", "plugins/membership", "admin", null).json().path("enabled").asBoolean()) {
            assertEquals(200, call("POST", "plugins/membership/enable", "admin", null).status());
        }
        awaitAnswer("membership/members", "cashier", 200);
    }

    private static void refused(Reply r, int status, String field, String code) {
        assertEquals(r.raw(), status, r.status());
        assertTrue(r.raw(), r.raw().contains("\"field\":\"" + field + "\"") && r.raw().contains(code));
    }

    private static String etag(JsonNode doc) {
        return "\"" + doc.path("version").asLong() + "\"";
    }

    private static JsonNode balance(long member) throws Exception {
        return ok(call("GET", "membership/members/" + member + "/balance", "advisor", null), 200);
    }

    private static long points(long member) throws Exception {
        return ok(call("GET", "membership/points/" + member, "advisor", null), 200).path("points").asLong();
    }

    private static int usesLeft(long member) throws Exception {
        return ok(call("GET", "membership/count-cards?memberId=" + member, "advisor", null), 200).path(0)
                .path("usesLeft").asInt();
    }

    @Test
    public void aMemberPaysPartOfABillWithStoredValueAndAReversalPutsItBack() throws Exception {
        long customer = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"会员周女士\","
                + "\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();
        refused(call("POST", "membership/members", "advisor", "{\"customerId\":" + customer + ",\"consent\":false}"),
                400, "consent", "consent.required");
        JsonNode member = ok(call("POST", "membership/members", "advisor", "{\"customerId\":" + customer
                + ",\"consent\":true,\"consentChannel\":\"COUNTER\",\"pin\":\"258036\"}"), 201);
        long id = member.path("id").asLong();
        assertTrue(member.toString(), member.path("memberNumber").asText().matches("M[0-9]{8}"));
        assertEquals(403, call("POST", "membership/stored-value/" + id + "/top-ups", "advisor",
                "{\"amount\":1000,\"bonus\":100,\"paidWith\":\"CASH\"}").status());
        ok(call("POST", "membership/stored-value/" + id + "/top-ups", "cashier",
                "{\"amount\":1000,\"bonus\":100,\"paidWith\":\"WECHAT\",\"reference\":\"WX-" + unique() + "\"}"), 201);
        assertEquals(0, new BigDecimal("1100").compareTo(balance(id).path("total").decimalValue()));

        // the visit's bill: the cashier offers stored value among the tenders
        JsonNode wo = SettlementIT.completedWorkOrder(customer);
        JsonNode bill = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}"), 201).path(0);
        assertTrue(call("GET", "settlements/tenders", "cashier", null).raw().contains("\"STORED_VALUE\""));
        // the member buys a five-use maintenance package for this car; the bill's service is one use
        long product = ok(call("POST", "membership/count-cards/products", "manager", "{\"code\":\"BY5-" + unique()
                % 100000 + "\",\"name\":\"保养套餐\",\"price\":1500,\"uses\":5,\"operations\":[\"BY-010\"],"
                + "\"validMonths\":12,\"binding\":\"VEHICLE\"}"), 201).path("id").asLong();
        assertEquals(403, call("POST", "membership/count-cards", "advisor", "{\"memberId\":" + id + ",\"productId\":"
                + product + ",\"vehicleId\":" + wo.path("vehicleId").asLong() + ",\"paidWith\":\"CASH\"}").status());
        JsonNode card = ok(call("POST", "membership/count-cards", "cashier", "{\"memberId\":" + id + ",\"productId\":"
                + product + ",\"vehicleId\":" + wo.path("vehicleId").asLong() + ",\"paidWith\":\"CASH\"}"), 201);
        BigDecimal cardPays = null;
        for (JsonNode a : ok(call("GET", "settlements/" + bill.path("id").asLong() + "/tenders", "cashier", null),
                200)) {
            if (a.path("method").asText().equals("COUNT_CARD")) {
                cardPays = a.path("available").decimalValue();
            }
        }
        assertTrue("the package pays the service's labour", cardPays != null && cardPays.signum() > 0);
        String cardTender = "{\"method\":\"COUNT_CARD\",\"amount\":" + cardPays + ",\"reference\":\""
                + card.path("cardNumber").asText() + "\"},";
        // and a coupon of this month's campaign: 10 yuan off
        long campaign = ok(call("POST", "membership/campaigns", "manager", "{\"code\":\"M" + unique() % 100000
                + "\",\"name\":\"会员月\",\"kind\":\"AMOUNT\",\"value\":10,\"validFrom\":\"2026-01-01\","
                + "\"validTo\":\"2036-12-31\"}"), 201).path("id").asLong();
        ok(call("POST", "membership/campaigns/issue", "manager", "{\"campaignId\":" + campaign + "}"), 200);
        String coupon = null;
        for (JsonNode c : ok(call("GET", "membership/campaigns/coupons?memberId=" + id, "cashier", null), 200)) {
            if (c.path("campaignId").asLong() == campaign) {
                coupon = c.path("code").asText();
            }
        }
        assertTrue("the member got the campaign's coupon", coupon != null);
        cardTender += "{\"method\":\"COUPON\",\"amount\":10,\"reference\":\"" + coupon + "\"},";
        BigDecimal payable = bill.path("payable").decimalValue().subtract(cardPays).subtract(BigDecimal.TEN);
        // the rest of this small bill: 50 from the card's stored value, the rest cash
        BigDecimal rest = payable.subtract(new BigDecimal("50.00"));

        refused(call("POST", "membership/members/" + id + "/authorisations", "cashier",
                "{\"pin\":\"000000\",\"amount\":50}"), 400, "pin", "pin.wrong");
        String code = ok(call("POST", "membership/members/" + id + "/authorisations", "cashier",
                "{\"pin\":\"258036\",\"amount\":50}"), 201).path("code").asText();
        String path = "settlements/" + bill.path("id").asLong() + "/payments";
        // more than the member authorised: refused, nothing taken
        refused(call("POST", path, "cashier", "{\"tenders\":[" + cardTender + "{\"method\":\"STORED_VALUE\","
                + "\"amount\":51,\"reference\":\"" + code + "\"},{\"method\":\"CASH\",\"amount\":"
                + rest.subtract(BigDecimal.ONE) + "}]}", "If-Match", etag(bill)), 400, "amount",
                "authorisation.exceeded");
        assertEquals("a refused payment takes no use", 5, usesLeft(id));
        assertEquals(0, new BigDecimal("1100").compareTo(balance(id).path("total").decimalValue()));
        JsonNode paid = ok(call("POST", path, "cashier",
                "{\"tenders\":[" + cardTender + "{\"method\":\"STORED_VALUE\",\"amount\":50,"
                        + "\"reference\":\"" + code + "\"},{\"method\":\"CASH\",\"amount\":" + rest + "}]}",
                "If-Match",
                etag(bill)), 200);
        assertEquals("SETTLED", paid.path("status").asText());
        JsonNode after = balance(id);
        // 1,000 + 100 pays 50 in proportion: 45.45 principal, 4.55 bonus
        assertEquals(0, new BigDecimal("954.55").compareTo(after.path("principal").decimalValue()));
        assertEquals(0, new BigDecimal("95.45").compareTo(after.path("bonus").decimalValue()));
        assertEquals(4, usesLeft(id));
        // points on what the member paid (not on what the package or the coupon paid): 1 a yuan, rounded down
        long earned = payable.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        assertEquals(earned, points(id));

        // the manager reverses the bill: the card is whole again
        ok(call("POST", "settlements/" + paid.path("id").asLong() + "/reverse", "manager",
                "{\"reason\":\"结算有误\"}", "If-Match", etag(paid)), 201);
        after = balance(id);
        assertEquals(0, new BigDecimal("1000").compareTo(after.path("principal").decimalValue()));
        assertEquals(0, new BigDecimal("100").compareTo(after.path("bonus").decimalValue()));
        assertEquals("the reversal gives the use back", 5, usesLeft(id));
        assertEquals("and takes the points back", 0, points(id));
        assertTrue("and gives the coupon back", ok(call("GET", "membership/campaigns/coupons?memberId=" + id, "cashier",
                null), 200).path(0).path("usedSettlementId").isNull());
        JsonNode ledger = ok(call("GET", "membership/stored-value/" + id + "/ledger", "advisor", null), 200);
        assertEquals("PAYMENT_BACK", ledger.path("items").path(0).path("kind").asText());
        assertEquals(3, ledger.path("total").asInt());

        // the liability and the console
        assertEquals(403, call("GET", "membership/stored-value/liability?day=2026-12-01", "cashier", null).status());
        assertTrue(ok(call("GET", "membership/stored-value/liability?day=" + java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")), "manager", null), 200).path("principal").decimalValue()
                        .compareTo(new BigDecimal("1000")) >= 0);
        JsonNode summary = ok(call("GET", "membership/reports/summary?day=" + java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")), "manager", null), 200);
        assertTrue(summary.toString(),
                summary.path("cardsSold").asLong() >= 1 && summary.path("usesSold").asLong() >= 5);
        Reply sheet = call("GET", "membership/reports/export?day=2026-12-04", "manager", null);
        assertEquals(200, sheet.status());
        assertTrue(sheet.contentType(), sheet.contentType().startsWith("application/vnd.openxmlformats"));
        String shown = console("dms:member-show " + member.path("memberNumber").asText().toLowerCase());
        assertTrue(shown, shown.contains("1000.00") && shown.contains("PAYMENT_BACK") && shown.contains("保养套餐"));

        // disabled: no stored value at the cashier, the bill is paid in cash; enabled again, the balance is there
        assertEquals(200, call("POST", "plugins/membership/disable", "admin", null).status());
        try {
            assertFalse(call("GET", "settlements/tenders", "cashier", null).raw().contains("\"STORED_VALUE\""));
            JsonNode again = ok(call("POST", "settlements", "cashier", "{\"workOrderId\":" + wo.path("id").asLong()
                    + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}"), 201).path(0);
            ok(call("POST", "settlements/" + again.path("id").asLong() + "/payments", "cashier",
                    "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + again.path("payable").asText() + "}]}",
                    "If-Match", etag(again)), 200);
        } finally {
            assertEquals(200, call("POST", "plugins/membership/enable", "admin", null).status());
        }
        awaitAnswer("membership/members/" + id + "/balance", "advisor", 200);
        assertEquals(0, new BigDecimal("1100").compareTo(balance(id).path("total").decimalValue()));
    }

    @Test
    public void aGoldMemberGetsTheTiersDiscountOnTheBillAndTheDesksTakingsAreInTheCashiersDay() throws Exception {
        String login = "mcash" + unique();
        ok(call("POST", "staff", "admin", "{\"login\":\"" + login + "\",\"name\":\"孙收银\",\"password\":"
                + "\"Shou-yin-2026\",\"roles\":[\"cashier\"]}"), 201);
        String cashier = login + ":Shou-yin-2026";
        long customer = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"金卡王先生\","
                + "\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();
        long id = ok(call("POST", "membership/members", "advisor", "{\"customerId\":" + customer
                + ",\"consent\":true}"), 201).path("id").asLong();

        // the manager sets what GOLD gives: 10 % off labour, 5 % off parts; the cashier may not
        JsonNode gold = null;
        for (JsonNode b : ok(call("GET", "membership/tiers", "advisor", null), 200)) {
            if (b.path("tier").asText().equals("GOLD")) {
                gold = b;
            }
        }
        assertTrue("GOLD is for sale in the 4S profile",
                gold != null && gold.path("price").decimalValue().signum() > 0);
        String body = "{\"labourOff\":10,\"partsOff\":5}";
        assertEquals(403, call("PUT", "membership/tiers/GOLD", "cashier", body, "If-Match", etag(gold)).status());
        refused(call("PUT", "membership/tiers/GOLD", "manager", "{\"labourOff\":80,\"partsOff\":5}", "If-Match",
                etag(gold)), 400, "labourOff", "out_of_range");
        ok(call("PUT", "membership/tiers/GOLD", "manager", body, "If-Match", etag(gold)), 200);

        // the cashier sells the member GOLD at the desk: the member is GOLD at once
        refused(call("POST", "membership/tiers/purchases/" + id, cashier,
                "{\"tier\":\"SILVER\",\"paidWith\":\"CASH\"}"),
                400, "tier", "tier.not_for_sale");
        JsonNode bought = ok(call("POST", "membership/tiers/purchases/" + id, cashier,
                "{\"tier\":\"GOLD\",\"paidWith\":\"CASH\"}"), 201);
        assertEquals("GOLD", ok(call("GET", "membership/members/" + id, "advisor", null), 200).path("tier").asText());
        ok(call("POST", "membership/stored-value/" + id + "/top-ups", cashier,
                "{\"amount\":500,\"paidWith\":\"CASH\"}"),
                201);
        // the drawer holds the tier's price and the top-up
        JsonNode day = ok(call("GET", "cash-ups/mine", cashier, null), 200);
        assertEquals(day.toString(), 0, bought.path("price").decimalValue().add(new BigDecimal("500"))
                .compareTo(day.path("expectedCash").decimalValue()));

        // the member's bill: labour 9折 and parts 95折, named on the document, before the cashier's own discount
        JsonNode wo = SettlementIT.completedWorkOrder(customer);
        JsonNode bill = ok(call("POST", "settlements", cashier, "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}"), 201).path(0);
        assertEquals("CUSTOMER", bill.path("payer").asText());
        JsonNode benefit = bill.path("benefits").path(0);
        assertTrue(bill.toString(), benefit.path("nameZh").asText().startsWith("会员 GOLD 工时9折 配件95折"));
        BigDecimal expected = BigDecimal.ZERO;
        for (JsonNode l : bill.path("lines")) {
            BigDecimal off = l.path("kind").asText().equals("LABOUR") ? new BigDecimal("0.10")
                    : l.path("kind").asText().equals("PART") ? new BigDecimal("0.05") : BigDecimal.ZERO;
            expected = expected.add(l.path("listNet").decimalValue().multiply(off).setScale(2,
                    java.math.RoundingMode.HALF_UP));
        }
        assertEquals(0, expected.compareTo(benefit.path("amount").decimalValue()));
        assertEquals(0, expected.compareTo(bill.path("discount").decimalValue()));
        assertEquals("the member's benefit needs no approval", "OPEN", bill.path("status").asText());
        String tiers = console("dms:member-tier");
        assertTrue(tiers, tiers.contains("GOLD") && tiers.contains("10.00%"));
    }
}
