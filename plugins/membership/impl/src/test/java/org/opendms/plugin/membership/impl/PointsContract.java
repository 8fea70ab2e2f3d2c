package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.plugin.membership.api.TierChange;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.PointsEntry;
import org.opendms.plugin.membership.api.PointsRules;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.TenderDraft;

/**
 * Points on a real database, earned through the real settlement service's events: on what the member paid, at the
 * tier's rates; redeemed at the cashier up to the share of the bill; taken back and given back on a reversal; expiring
 * oldest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PointsContract {

    static final Actor CASHIER = MembershipContract.CASHIER;
    static final Actor MANAGER = MembershipContract.MANAGER;

    PluginOnDatabase on;
    Member member;

    final List<PointsEntry> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<TierChange> moves = new java.util.concurrent.CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        on = new PluginOnDatabase(database(), new MembershipListener() {
            @Override
            public void pointsMoved(PointsEntry entry) {
                told.add(entry);
            }

            @Override
            public void tierChanged(TierChange change) {
                moves.add(change);
            }
        });
        on.documents.tenders(List.of(on.storedValue, on.pointsTender));
        member = on.membership.join(new JoinRequest(on.documents.customer(), true, "COUNTER", null),
                MembershipContract.ADVISOR);
    }

    @BeforeEach
    void standardRules() {
        PointsRules now = on.points.rules("STANDARD", MANAGER);
        on.points.setRules(new PointsRules("STANDARD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 100,
                new BigDecimal("0.5"), 24, 0), now.version(), MANAGER);
    }

    @AfterAll
    void drop() {
        if (on != null) {
            on.db.close();
        }
    }

    long points() {
        return on.points.balance(member.id(), CASHIER);
    }

    PointsEntry last() {
        return on.points.ledger(member.id(), new PageRequest(0, 1), CASHIER).items().get(0);
    }

    Settlement pay(Settlement s, String withPoints) {
        List<TenderDraft> tenders = new ArrayList<>();
        BigDecimal rest = s.payable();
        if (withPoints != null) {
            tenders.add(new TenderDraft("POINTS", new BigDecimal(withPoints), null, null));
            rest = rest.subtract(new BigDecimal(withPoints));
        }
        tenders.add(new TenderDraft("CASH", rest, rest, null));
        return on.documents.service().pay(s.id(), s.version(), tenders, CASHIER);
    }

    @Test
    void aSettledBillEarnsWhatTheMemberPaidAndAReversalTakesItBack() {
        long before = points();
        // 300 labour + 100 parts, 13 % VAT: 452.00 paid in cash earns 452 points at 1 a yuan
        told.clear();
        Settlement paid = pay(on.documents.openJobs(new String[] { "BY-010", "300", "100" }), null);
        assertEquals(before + 452, points());
        PointsEntry earn = last();
        assertEquals(List.of(earn), told, "listeners heard the points earned");
        assertEquals("EARN", earn.kind());
        assertEquals(paid.id(), earn.settlementId());
        assertEquals(LocalDate.of(2028, 12, 31), earn.expiresOn(), "24 months after the month it was earned");
        // the same event told again writes nothing
        on.earning.settled(new org.opendms.settlement.api.event.SettlementEvent(paid.id(), paid.number(),
                paid.workOrderId(), paid.customerId(), paid.payer(), paid.payable(), List.of("CASH"), null,
                java.time.Instant.now(), "cashier"));
        assertEquals(before + 452, points());

        on.documents.reverse(paid);
        assertEquals(before, points());
        assertEquals("TAKE_BACK", last().kind());
        assertEquals(List.of(earn, last()), told, "and of their taking back; the repeated event told nothing");
    }

    @Test
    void aMemberMovesUpATierWithTwelveMonthsOfSpendAndBackWhenTheBillIsReversed() {
        String before = on.membership.get(member.id(), CASHIER).tier();
        moves.clear();
        // 20,000 of labour with VAT: 22,600.00, over the GOLD threshold by itself
        Settlement paid = pay(on.documents.openJobs(new String[] { "BY-010", "20000" }), null);
        assertEquals("GOLD", on.membership.get(member.id(), CASHIER).tier());
        var change = on.membership.tierChanges(member.id(), CASHIER).get(0);
        assertEquals(before, change.from());
        assertEquals("GOLD", change.to());
        assertTrue(change.spend().compareTo(new BigDecimal("22600")) >= 0, change.toString());
        assertEquals(List.of(change), moves, "listeners heard the move");
        assertEquals(0, on.points.downgrade(LocalDate.of(2026, 12, 2)), "the daily check moves nobody today");
        on.documents.reverse(paid);
        assertEquals(before, on.membership.get(member.id(), CASHIER).tier(), "the reversal takes the spend off");
        // bought GOLD again, then thirteen months on the spend has rolled out of the twelve months
        pay(on.documents.openJobs(new String[] { "BY-010", "20000" }), null);
        assertEquals("GOLD", on.membership.get(member.id(), CASHIER).tier());
        assertTrue(on.points.downgrade(LocalDate.of(2028, 1, 3)) >= 1);
        assertEquals("STANDARD", on.membership.get(member.id(), CASHIER).tier());
        assertEquals("GOLD", on.membership.tierChanges(member.id(), CASHIER).get(0).from());
    }

    @Test
    void labourAndPartsEarnAtTheirOwnRates() {
        PointsRules now = on.points.rules("STANDARD", MANAGER);
        on.points.setRules(new PointsRules("STANDARD", new BigDecimal("2"), new BigDecimal("0.5"), BigDecimal.ONE,
                100, new BigDecimal("0.5"), 24, 0), now.version(), MANAGER);
        long before = points();
        // paid 452.00 of which labour 300/400 and parts 100/400: 452 × (0.75 × 2 + 0.25 × 0.5) = 734.5 → 734
        pay(on.documents.openJobs(new String[] { "BY-010", "300", "100" }), null);
        assertEquals(before + 734, points());
    }

    @Test
    void pointsPayUpToTheShareOfTheBillAndEarnNothingThemselves() {
        on.points.adjust(member.id(), "ADD", 30_000, "开业活动赠送", MANAGER);
        long before = points();
        Settlement bill = on.documents.openJobs(new String[] { "BY-010", "200" });
        // 226.00: at most half, 113.00
        BigDecimal offered = on.documents.service().availableTenders(bill.id(), CASHIER).stream()
                .filter(a -> a.method().equals("POINTS")).findFirst().orElseThrow().available();
        assertEquals(0, new BigDecimal("113.00").compareTo(offered), offered.toString());
        DmsException over = assertThrows(DmsException.class, () -> pay(bill, "113.01"));
        assertEquals("points.over_share", over.violations().get(0).code());
        assertEquals(before, points(), "a refused payment takes no points");
        Settlement paid = pay(on.documents.service().get(bill.id()), "100.00");
        // 10,000 points paid 100.00; the 126.00 paid in cash earns 126
        assertEquals(before - 10_000 + 126, points());

        on.documents.reverse(paid);
        assertEquals(before, points(), "the reversal gives the points back and takes the earned ones");
    }

    @Test
    void pointsExpireOldestFirstAndWhatWasSpentIsNotExpired() {
        long customer = on.documents.customers().create(new org.opendms.customer.api.CustomerDraft(
                org.opendms.customer.api.CustomerType.PERSON, "积分客户", "13655554444", null, null, List.of(), false,
                null), MembershipContract.ADVISOR).id();
        Member other = on.membership.join(new JoinRequest(customer, true, "COUNTER", null), MembershipContract.ADVISOR);
        on.points.adjust(other.id(), "ADD", 1_000, "生日礼", MANAGER); // a lot expiring 2028-12-31
        on.points.adjust(other.id(), "DEDUCT", 300, "兑换礼品", MANAGER); // spent: taken from that lot
        assertEquals(0, on.points.expire(LocalDate.of(2028, 12, 31)), "on its last day nothing expires");
        assertEquals(700, on.points.balance(other.id(), CASHIER));
        on.points.expire(LocalDate.of(2029, 1, 1));
        PointsEntry expired = on.points.ledger(other.id(), new PageRequest(0, 1), CASHIER).items().get(0);
        assertEquals("EXPIRE", expired.kind());
        assertEquals(-700, expired.points());
        assertEquals(0, on.points.balance(other.id(), CASHIER));
        on.points.expire(LocalDate.of(2029, 1, 2));
        assertEquals(3, on.points.ledger(other.id(), new PageRequest(0, 10), CASHIER).total(),
                "a later run expires nothing more");
    }

    @Test
    void rulesAndAdjustmentsAreCheckedAndOnlyForTheManager() {
        PointsRules now = on.points.rules("STANDARD", MANAGER);
        DmsException e = assertThrows(DmsException.class, () -> on.points.setRules(new PointsRules("STANDARD",
                new BigDecimal("-1"), null, BigDecimal.ONE, 0, new BigDecimal("1.5"), 0, 0), now.version(), MANAGER));
        assertTrue(e.violations().stream().map(v -> v.field()).toList().containsAll(List.of("labourRate",
                "partsRate", "pointsPerYuan", "maxShare", "expiryMonths")), e.violations().toString());
        assertEquals(now, on.points.rules("STANDARD", MANAGER), "refused rules change nothing");
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class, () -> on.points.setRules(now, now
                .version(), CASHIER)).kind());
        MembershipContract.refused("points", "out_of_range", () -> on.points.adjust(member.id(), "ADD", 0, "零",
                MANAGER));
        MembershipContract.refused("amount", "points.insufficient", () -> on.points.adjust(member.id(), "DEDUCT",
                9_999_999L, "扣光", MANAGER));
    }
}
