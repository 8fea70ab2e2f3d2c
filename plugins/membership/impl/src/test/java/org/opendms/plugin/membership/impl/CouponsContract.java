package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.plugin.membership.api.Campaign;
import org.opendms.plugin.membership.api.CampaignDraft;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.Coupon;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.TenderDraft;

/**
 * Campaigns and coupons on a real database: issued once per member, used once at the cashier through the real
 * settlement service within dates and threshold, given back by a reversal, counted in the campaign's results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CouponsContract {

    static final Actor CASHIER = MembershipContract.CASHIER;
    static final Actor MANAGER = MembershipContract.MANAGER;
    private static final AtomicInteger N = new AtomicInteger();

    PluginOnDatabase on;
    Member member;

    final List<Coupon> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        on = new PluginOnDatabase(database(), new MembershipListener() {
            @Override
            public void couponUsed(Coupon coupon) {
                told.add(coupon);
            }
        });
        on.documents.tenders(List.of(on.coupon, on.pointsTender));
        member = on.membership.join(new JoinRequest(on.documents.customer(), true, "COUNTER", null),
                MembershipContract.ADVISOR);
    }

    @AfterAll
    void drop() {
        if (on != null) {
            on.db.close();
        }
    }

    Campaign campaign(String kind, String value, String threshold, String... operations) {
        return on.coupons.create(new CampaignDraft("C" + N.incrementAndGet(), "双十二保养季", kind, new BigDecimal(value),
                threshold == null ? null : new BigDecimal(threshold), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), List.of(operations), null, null), MANAGER);
    }

    Coupon couponOf(Campaign c) {
        return on.coupons.ofMember(member.id(), CASHIER).stream().filter(p -> p.campaignId() == c.id()).findFirst()
                .orElseThrow();
    }

    Settlement pay(Settlement s, String off, String code) {
        BigDecimal rest = s.payable().subtract(new BigDecimal(off));
        return on.documents.service().pay(s.id(), s.version(), List.of(new TenderDraft("COUPON", new BigDecimal(off),
                null, code), new TenderDraft("CASH", rest, rest, null)), CASHIER);
    }

    CampaignResult result(Campaign c) {
        return on.coupons.results(MANAGER).stream().filter(r -> r.campaignId() == c.id()).findFirst().orElseThrow();
    }

    @Test
    void aCampaignIsCheckedWholeAndIssuedOncePerMember() {
        DmsException e = assertThrows(DmsException.class, () -> on.coupons.create(new CampaignDraft("x", "", "FREE",
                null, new BigDecimal("-1"), null, null, null, null, null), MANAGER));
        assertTrue(e.violations().stream().map(v -> v.field()).toList().containsAll(List.of("code", "name", "kind",
                "threshold", "validFrom", "validTo")), e.violations().toString());
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class, () -> on.coupons.create(
                new CampaignDraft("CX", "活动", "AMOUNT", BigDecimal.TEN, null, LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 31), List.of(), null, null),
                CASHIER)).kind());
        Campaign c = campaign("AMOUNT", "50", "200");
        assertTrue(on.coupons.issue(c.id(), MANAGER) >= 1);
        assertEquals(0, on.coupons.issue(c.id(), MANAGER), "issued again: nobody gets a second one");
        Coupon mine = couponOf(c);
        assertTrue(mine.code().matches("Q[2-9A-Z]{8}[0-9]{4}"), mine.code());
        // a campaign for a tag the customer does not have reaches nobody
        Campaign vip = on.coupons.create(new CampaignDraft("VIP" + N.incrementAndGet(), "VIP 专享", "AMOUNT",
                BigDecimal.TEN, null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), List.of(), null,
                "金卡VIP"), MANAGER);
        on.coupons.issue(vip.id(), MANAGER);
        assertTrue(on.coupons.ofMember(member.id(), CASHIER).stream().noneMatch(p -> p.campaignId() == vip.id()));
    }

    @Test
    void aCouponPaysOnceAboveItsThresholdEarnsNoPointsAndAReversalGivesItBack() {
        Campaign c = campaign("AMOUNT", "50", "200");
        on.coupons.issue(c.id(), MANAGER);
        String code = couponOf(c).code();
        Settlement small = on.documents.openJobs(new String[] { "BY-010", "100" }); // 113.00 < 200
        DmsException below = assertThrows(DmsException.class, () -> pay(small, "50.00", code));
        assertEquals("coupon.not_applicable", below.violations().get(0).code());

        long points = on.points.balance(member.id(), CASHIER);
        Settlement bill = on.documents.openJobs(new String[] { "BY-010", "300" }); // 339.00
        DmsException over = assertThrows(DmsException.class, () -> pay(bill, "50.01", code));
        assertEquals("coupon.over_value", over.violations().get(0).code());
        told.clear();
        Settlement paid = pay(on.documents.service().get(bill.id()), "50.00", code.toLowerCase());
        assertEquals(paid.id(), couponOf(c).usedSettlementId());
        assertEquals(List.of(couponOf(c)), told, "listeners heard the use");
        assertEquals(points + 289, on.points.balance(member.id(), CASHIER), "339.00 less the coupon earns 289");
        Settlement again = on.documents.openJobs(new String[] { "BY-010", "300" });
        assertEquals("coupon.used", assertThrows(DmsException.class, () -> pay(again, "50.00", code)).violations()
                .get(0).code());
        CampaignResult r = result(c);
        assertEquals(1, r.used());
        assertEquals(0, new BigDecimal("50.00").compareTo(r.discountGiven()));
        assertEquals(0, new BigDecimal("339.00").compareTo(r.revenue()));

        on.documents.reverse(paid);
        assertEquals(null, couponOf(c).usedSettlementId(), "the reversal gives the coupon back");
        assertEquals(couponOf(c), told.get(told.size() - 1), "and of its giving back");
        assertEquals(0, result(c).used());
        Settlement third = on.documents.openJobs(new String[] { "BY-010", "300" });
        pay(third, "50.00", code);
        assertEquals(third.id(), couponOf(c).usedSettlementId());
    }

    @Test
    void aPercentCouponForAnOperationTakesItsShareOfThoseLinesOnly() {
        Campaign c = campaign("PERCENT", "10", null, "BY-010");
        on.coupons.issue(c.id(), MANAGER);
        Settlement bill = on.documents.openJobs(new String[] { "BY-010", "300" }, new String[] { "SC-101", "200" });
        BigDecimal offered = on.documents.service().availableTenders(bill.id(), CASHIER).stream()
                .filter(a -> a.method().equals("COUPON")).findFirst().orElseThrow().available();
        // 10 % of the service's 339.00: 33.90 (or more if an unused coupon of another test is worth more)
        assertTrue(offered.compareTo(new BigDecimal("33.90")) >= 0, offered.toString());
        String code = couponOf(c).code();
        assertEquals("coupon.over_value", assertThrows(DmsException.class, () -> pay(bill, "33.91", code))
                .violations().get(0).code());
        pay(on.documents.service().get(bill.id()), "33.90", code);
        assertEquals(0, new BigDecimal("33.90").compareTo(couponOf(c).usedAmount()));
    }
}
