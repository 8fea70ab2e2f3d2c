package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.plugin.membership.api.CardUse;
import org.opendms.plugin.membership.api.CardProduct;
import org.opendms.plugin.membership.api.CardProductDraft;
import org.opendms.plugin.membership.api.CardSale;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.workorder.api.reception.ReceptionVisit;

/**
 * Count cards on a real database: the manager's products, the cashier's sale for the member's car, a use paying the
 * matching job of a real settlement and counting down, the reception reminder, a reversal counting up again, and two
 * cashiers after one last use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CountCardsContract {

    static final Actor CASHIER = MembershipContract.CASHIER;
    static final Actor ADVISOR = MembershipContract.ADVISOR;
    static final Actor MANAGER = MembershipContract.MANAGER;
    private static final AtomicInteger N = new AtomicInteger();

    PluginOnDatabase on;
    Member member;
    long car;

    final List<CardUse> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        on = new PluginOnDatabase(database(), new MembershipListener() {
            @Override
            public void cardUsed(CardUse use) {
                told.add(use);
            }
        });
        on.documents.tenders(List.of(on.storedValue, on.countCard));
        member = on.membership.join(new JoinRequest(on.documents.customer(), true, "COUNTER", null), ADVISOR);
        car = vehicleOf(on.documents.customer());
    }

    @AfterAll
    void drop() {
        if (on != null) {
            on.db.close();
        }
    }

    long vehicleOf(long customer) {
        int n = 40000 + N.incrementAndGet();
        String vin = "LFV2A21K0" + String.format("%08d", n);
        vin = vin.substring(0, 8) + org.opendms.vehicle.api.Vin.checkDigit(vin) + vin.substring(9);
        return on.core.vehicles().create(new VehicleDraft(vin, "京N" + n, "大众",
                "迈腾", 2022, null, null, null, customer, null, null, null, true), ADVISOR).id();
    }

    CardProduct product(String code, int uses, boolean parts, String binding, String... operations) {
        return on.cards.define(new CardProductDraft(code + N.incrementAndGet(), "保养套餐", new BigDecimal("1500"), uses,
                List.of(operations), parts, 12, binding, null), MANAGER);
    }

    static DmsException refused(String field, String code, Runnable action) {
        return MembershipContract.refused(field, code, action);
    }

    Settlement pay(Settlement s, String cardAmount, String card) {
        List<TenderDraft> tenders = new ArrayList<>(List.of(new TenderDraft("COUNT_CARD", new BigDecimal(cardAmount),
                null, card)));
        BigDecimal rest = s.payable().subtract(new BigDecimal(cardAmount));
        if (rest.signum() > 0) {
            tenders.add(new TenderDraft("CASH", rest, rest, null));
        }
        return on.documents.service().pay(s.id(), s.version(), tenders, CASHIER);
    }

    CountCard card(long id) {
        return on.cards.ofMember(member.id(), CASHIER).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Test
    void theManagerDefinesProductsAndWrongOnesAreRefusedWhole() {
        DmsException e = assertThrows(DmsException.class, () -> on.cards.define(new CardProductDraft("x", "", null, 0,
                List.of(), null, 0, "BIKE", null), MANAGER));
        Set<String> fields = new java.util.HashSet<>(e.violations().stream().map(v -> v.field()).toList());
        assertTrue(fields.containsAll(Set.of("code", "name", "price", "uses", "operations", "validMonths", "binding")),
                fields.toString());
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class, () -> on.cards.define(
                new CardProductDraft("WASH10", "洗车十次", new BigDecimal("300"), 10, List.of("XC-01"), false, 12,
                        "CUSTOMER", null),
                CASHIER)).kind());
        CardProduct p = on.cards.define(new CardProductDraft("wash10", "洗车十次", new BigDecimal("300"), 10,
                List.of("xc-01", "XC-01"), false, 12, "customer", null), MANAGER);
        assertEquals("WASH10", p.code());
        assertEquals(List.of("XC-01"), p.operations());
        refused("code", "product.exists", () -> on.cards.define(new CardProductDraft("WASH10", "洗车", BigDecimal.TEN, 1,
                List.of("XC-01"), false, 1, "CUSTOMER", null), MANAGER));
        assertTrue(on.cards.products(true, CASHIER).contains(p));
    }

    @Test
    void aPackageSoldForTheCarPaysItsServiceAtTheCashierAndAReversalGivesTheUseBack() {
        told.clear();
        CardProduct p = product("BY", 5, false, "VEHICLE", "BY-010");
        refused("vehicleId", "required", () -> on.cards.sell(member.id(), new CardSale(p.id(), null, "CASH", null),
                CASHIER));
        long strangersCar = vehicleOf(on.core.customers().create(new CustomerDraft(CustomerType.PERSON, "路人",
                "1380000" + String.format("%04d", N.incrementAndGet()), null, null, List.of(), false, null), ADVISOR)
                .id());
        refused("vehicleId", "vehicle.not_members", () -> on.cards.sell(member.id(), new CardSale(p.id(), strangersCar,
                "CASH", null), CASHIER));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> on.cards.sell(member.id(), new CardSale(p.id(), car, "CASH", null), ADVISOR)).kind());
        CountCard sold = on.cards.sell(member.id(), new CardSale(p.id(), car, "WECHAT", "WX-9"), CASHIER);
        assertTrue(sold.cardNumber().matches("K[0-9]{8}"), sold.cardNumber());
        assertEquals(5, sold.usesLeft());
        assertEquals(LocalDate.of(2027, 12, 1), sold.expiresOn());

        // at reception the advisor sees what is left
        var reminders = new CountCardReminders();
        reminders.cards = on.cards;
        assertTrue(reminders.remindersFor(new ReceptionVisit(1, car, "京N1", null, on.documents.customer(),
                LocalDate.of(2026, 12, 2))).stream().anyMatch(r -> r.messageZh().contains("保养套餐还剩 5 次")));

        // 保养 300 + 刹车 200 and parts 150: the card pays the service with its VAT, 339.00
        Settlement bill = on.documents.openJobs(car, new String[] { "BY-010", "300" },
                new String[] { "SC-101", "200", "150" });
        BigDecimal offered = on.documents.service().availableTenders(bill.id(), CASHIER).stream()
                .filter(a -> a.method().equals("COUNT_CARD")).findFirst().orElseThrow().available();
        assertEquals(0, new BigDecimal("339.00").compareTo(offered), offered.toString());
        refused("amount", "card.over_value", () -> pay(bill, "339.01", sold.cardNumber()));
        assertEquals(5, card(sold.id()).usesLeft(), "a refused use takes nothing");
        Settlement paid = pay(on.documents.service().get(bill.id()), "339.00", sold.cardNumber().toLowerCase());
        assertEquals(SettlementStatus.SETTLED, paid.status());
        assertEquals(4, card(sold.id()).usesLeft());

        // a document of the member's other car is not this card's
        Settlement other = on.documents.openJobs(77, new String[] { "BY-010", "300" });
        refused("reference", "card.other_vehicle", () -> pay(other, "339.00", sold.cardNumber()));
        // nor a document without the service
        Settlement brakes = on.documents.openJobs(car, new String[] { "SC-101", "200" });
        refused("reference", "card.no_matching_job", () -> pay(brakes, "100.00", sold.cardNumber()));

        on.documents.reverse(paid);
        assertEquals(5, card(sold.id()).usesLeft());
        var uses = on.cards.uses(sold.id(), CASHIER);
        assertEquals(2, uses.size());
        assertTrue(uses.get(1).back());
        assertEquals(uses, told, "listeners heard the use and its putting back, once each");
    }

    @Test
    void theSummaryCountsCardsSoldAgainstUsesTaken() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        var before = on.membership.summary(today, MANAGER);
        CardProduct p = product("SUM", 3, false, "CUSTOMER", "BY-010");
        CountCard sold = on.cards.sell(member.id(), new CardSale(p.id(), null, "CASH", null), CASHIER);
        pay(on.documents.openJobs(77, new String[] { "BY-010", "100" }), "113.00", sold.cardNumber());
        var after = on.membership.summary(today, MANAGER);
        assertEquals(before.cardsSold() + 1, after.cardsSold());
        assertEquals(0, before.cardsRevenue().add(new BigDecimal("1500")).compareTo(after.cardsRevenue()));
        assertEquals(before.usesSold() + 3, after.usesSold());
        assertEquals(before.usesTaken() + 1, after.usesTaken());
        assertEquals(before.usesLeft() + 2, after.usesLeft());
        assertTrue(after.membersByTier().get("STANDARD") >= 1);
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> on.membership.summary(today, CASHIER)).kind());
    }

    @Test
    void aPackageWithPartsPaysTheJobsPartsToo() {
        // one use, so that it is used up and offers nothing to the other tests' documents of the same customer
        CardProduct p = product("BYP", 1, true, "CUSTOMER", "SC-101");
        CountCard sold = on.cards.sell(member.id(), new CardSale(p.id(), null, "CASH", null), CASHIER);
        Settlement bill = on.documents.openJobs(77, new String[] { "SC-101", "200", "150" });
        // (200 + 150) × 1.13 = 395.50: the whole bill
        Settlement paid = pay(bill, "395.50", sold.cardNumber());
        assertEquals(SettlementStatus.SETTLED, paid.status());
        assertEquals(0, card(sold.id()).usesLeft());
    }

    @Test
    void twoCashiersAfterTheLastUseOfOneCardNeverTakeMoreThanIsLeft() throws Exception {
        CardProduct p = product("ONE", 1, false, "CUSTOMER", "BY-010");
        CountCard sold = on.cards.sell(member.id(), new CardSale(p.id(), null, "CASH", null), CASHIER);
        List<Settlement> bills = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bills.add(on.documents.openJobs(77, new String[] { "BY-010", "100" }));
        }
        List<Object> outcomes = MembershipContract.race(4, i -> pay(bills.get(i), "113.00", sold.cardNumber()));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Settlement).count(), outcomes.toString());
        outcomes.stream().filter(o -> !(o instanceof Settlement)).forEach(o -> assertEquals("card.used_up",
                ((DmsException) o).violations().get(0).code()));
        assertEquals(0, card(sold.id()).usesLeft());
    }
}
