package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.function.Executable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.TierBenefit;
import org.opendms.plugin.membership.api.TierChange;
import org.opendms.plugin.membership.api.TierPurchase;
import org.opendms.plugin.membership.api.TopUpRequest;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUpStatus;
import org.opendms.settlement.api.Settlement;

/**
 * Tiers on a real database beside the real settlement service: what a tier gives off the member's bill (taken off by
 * the settlement through the plugin's benefit), tiers bought at the desk, and the desk's takings in the cashier's day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TiersContract {

    static final Actor MANAGER = MembershipContract.MANAGER;
    static final Actor ADVISOR = MembershipContract.ADVISOR;

    PluginOnDatabase on;
    Member member;
    final List<TierChange> moves = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        on = new PluginOnDatabase(database(), new MembershipListener() {
            @Override
            public void tierChanged(TierChange change) {
                moves.add(change);
            }
        });
        member = on.membership.join(new JoinRequest(on.documents.customer(), true, "COUNTER", null), ADVISOR);
    }

    @AfterAll
    void drop() {
        if (on != null) {
            on.db.close();
        }
    }

    static Actor cashier(String name) {
        return new Actor(name, Set.of("cashier"), Channel.REST);
    }

    static DmsException refused(String field, String code, Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(field, e.violations().get(0).field(), e.violations().toString());
        assertEquals(code, e.violations().get(0).code(), e.violations().toString());
        return e;
    }

    TierBenefit benefitOf(String tier) {
        return on.tiers.benefits(ADVISOR).stream().filter(b -> b.tier().equals(tier)).findFirst().orElseThrow();
    }

    @Test
    void theManagerSetsWhatATierGivesAndWrongValuesAreRefusedWhole() {
        assertEquals(List.of("STANDARD -", "SILVER -", "GOLD 299.00/12"), on.tiers.benefits(ADVISOR).stream()
                .map(b -> b.tier() + " " + (b.price() == null ? "-" : b.price() + "/" + b.months())).toList(),
                "lowest first, with the price of a tier for sale");
        TierBenefit silver = benefitOf("SILVER");
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class, () -> on.tiers.setBenefit(
                new TierBenefit("SILVER", BigDecimal.TEN, BigDecimal.ONE, null, null, 0), silver.version(),
                cashier("a.cashier")))
                        .kind());
        DmsException both = assertThrows(DmsException.class, () -> on.tiers.setBenefit(new TierBenefit("SILVER",
                new BigDecimal("60"), new BigDecimal("-1"), null, null, 0), silver.version(), MANAGER));
        assertEquals(List.of("labourOff", "partsOff"), both.violations().stream().map(v -> v.field()).toList());
        refused("labourOff", "out_of_range", () -> on.tiers.setBenefit(new TierBenefit("SILVER",
                new BigDecimal("5.555"), BigDecimal.ONE, null, null, 0), silver.version(), MANAGER));
        refused("tier", "not_found", () -> on.tiers.setBenefit(new TierBenefit("PLATINUM", BigDecimal.ONE,
                BigDecimal.ONE, null, null, 0), 0, MANAGER));
        assertEquals(silver, benefitOf("SILVER"), "nothing changed");

        TierBenefit set = on.tiers.setBenefit(
                new TierBenefit("silver", new BigDecimal("5"), new BigDecimal("2.5"), null, null, 0),
                silver.version(), MANAGER);
        assertEquals(new BigDecimal("5.00"), set.labourOff());
        assertEquals(silver.version() + 1, set.version());
        refused("version", "stale_version", () -> on.tiers.setBenefit(new TierBenefit("SILVER", BigDecimal.TEN,
                BigDecimal.TEN, null, null, 0), silver.version(), MANAGER));
        assertEquals(set, benefitOf("SILVER"));
    }

    @Test
    void aGoldMembersBillTakesTheTiersBenefitNamedOnItAndATierBoughtRunsItsMonths() {
        TierBenefit gold = benefitOf("GOLD");
        on.tiers.setBenefit(new TierBenefit("GOLD", new BigDecimal("10"), new BigDecimal("5"), null, null, 0),
                gold.version(),
                MANAGER);
        on.points.downgrade(LocalDate.of(2030, 1, 1)); // whatever another test sold has run out by then
        assertEquals("STANDARD", on.membership.get(member.id(), ADVISOR).tier());
        // 300 labour + 100 parts; a STANDARD member gets nothing off
        Settlement plain = on.documents.openJobs(new String[] { "BY-010", "300", "100" });
        assertEquals(List.of(), plain.benefits());
        assertEquals(new BigDecimal("452.00"), plain.payable());

        Actor sun = cashier("sun.cashier");
        refused("tier", "tier.not_for_sale", () -> on.tiers.buy(member.id(), "SILVER", "CASH", null, sun));
        refused("paidWith", "invalid", () -> on.tiers.buy(member.id(), "GOLD", "IOU", null, sun));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> on.tiers.buy(member.id(), "GOLD", "CASH", null, ADVISOR)).kind());
        int sold = on.tiers.purchases(member.id(), ADVISOR).size();
        assertEquals(0, on.tiers.purchases(member.id(), ADVISOR).size() - sold, "nothing sold");

        moves.clear();
        TierPurchase bought = on.tiers.buy(member.id(), "gold", "CASH", null, sun);
        assertEquals(new BigDecimal("299.00"), bought.price());
        assertEquals(LocalDate.of(2026, 12, 2), bought.validFrom());
        assertEquals(LocalDate.of(2027, 12, 1), bought.validTo(), "twelve months");
        assertEquals("GOLD", on.membership.get(member.id(), ADVISOR).tier(), "at once, whatever the spend");
        assertEquals(List.of("STANDARD>GOLD"), moves.stream().map(c -> c.from() + ">" + c.to()).toList());
        assertEquals(bought, on.tiers.purchases(member.id(), ADVISOR).get(0), "newest first");
        assertEquals(sold + 1, on.tiers.purchases(member.id(), ADVISOR).size());

        // the same work as above: labour 9折 (30.00 off) and parts 95折 (5.00 off)
        Settlement bill = on.documents.openJobs(new String[] { "BY-010", "300", "100" });
        assertEquals(1, bill.benefits().size());
        Benefit b = bill.benefits().get(0);
        assertEquals("会员 GOLD 工时9折 配件95折", b.nameZh());
        assertEquals(new BigDecimal("35.00"), b.amount());
        assertEquals(new BigDecimal("365.00"), bill.net());
        assertEquals(new BigDecimal("412.45"), bill.payable(), "365.00 with 13 % VAT");
        assertEquals(Settlement.class, bill.getClass());

        on.points.downgrade(LocalDate.of(2027, 12, 1));
        assertEquals("GOLD", on.membership.get(member.id(), ADVISOR).tier(), "still bought on its last day");
        on.points.downgrade(LocalDate.of(2027, 12, 2));
        assertEquals("STANDARD", on.membership.get(member.id(), ADVISOR).tier());
        assertEquals("GOLD>STANDARD", moves.get(moves.size() - 1).from() + ">" + moves.get(moves.size() - 1).to());
    }

    @Test
    void theDeskTakingsCountInTheCashiersDayAndNoMoneyIsTakenOnceItIsClosed() {
        Actor zhou = cashier("zhou.cashier");
        LocalDate today = LocalDate.of(2026, 12, 2);
        on.membership.topUp(member.id(), new TopUpRequest(new BigDecimal("1000"), null, "CASH", null), zhou);
        on.membership.topUp(member.id(), new TopUpRequest(new BigDecimal("500"), null, "WECHAT", "WX-1"), zhou);
        on.tiers.buy(member.id(), "GOLD", "CASH", null, zhou);
        CashUp day = on.documents.cashUps().of("zhou.cashier", today);
        assertEquals(List.of("CASH 1299.00 2", "WECHAT 500.00 1"), day.expected().stream()
                .map(t -> t.method() + " " + t.amount() + " " + t.count()).toList());
        assertEquals(new BigDecimal("1299.00"), day.expectedCash());

        CashUp counted = on.documents.cashUps().count(new BigDecimal("1299.00"), null, zhou);
        CashUp closed = on.documents.cashUps().close(counted.id(), counted.version(), null, MANAGER);
        assertEquals(CashUpStatus.CLOSED, closed.status());
        var balance = on.membership.balance(member.id(), ADVISOR);
        refused("cashup", "cashup.closed", () -> on.membership.topUp(member.id(),
                new TopUpRequest(new BigDecimal("100"), null, "CASH", null), zhou));
        refused("cashup", "cashup.closed", () -> on.tiers.buy(member.id(), "GOLD", "CASH", null, zhou));
        assertEquals(balance, on.membership.balance(member.id(), ADVISOR), "nothing changed");
        assertEquals(closed, on.documents.cashUps().of("zhou.cashier", today));
        // another cashier's day is open
        on.membership.topUp(member.id(), new TopUpRequest(new BigDecimal("100"), null, "CASH", null),
                cashier("wu.cashier"));
    }

    @Test
    void aShopThatDoesNotRefundStoredValueRefusesEveryRefund() {
        on.membership.topUp(member.id(), new TopUpRequest(new BigDecimal("200"), null, "CASH", null),
                cashier("li.cashier"));
        on.membership.configure(PluginOnDatabase.config("500:30,1000:100", "PROPORTIONAL", "NONE"));
        try {
            var balance = on.membership.balance(member.id(), ADVISOR);
            refused("principal", "refund.not_allowed",
                    () -> on.membership.refund(member.id(), new BigDecimal("50"), "客户要求退款", MANAGER));
            assertEquals(balance, on.membership.balance(member.id(), ADVISOR));
        } finally {
            on.membership.configure(PluginOnDatabase.config("500:30,1000:100", "PROPORTIONAL"));
        }
        on.membership.refund(member.id(), new BigDecimal("50"), "客户要求退款", MANAGER);
    }
}
