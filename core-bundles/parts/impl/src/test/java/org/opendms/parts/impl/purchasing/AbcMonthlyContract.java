package org.opendms.parts.impl.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.SupersessionDraft;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.purchasing.AbcClass;
import org.opendms.parts.api.purchasing.AbcClassification;
import org.opendms.parts.impl.PartsForPurchasingTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.testing.TestDatabase;

/**
 * The ABC classification the platform computes by itself on the first day of a month, in the shop's zone: over the
 * twelve whole months before, once a month however often it looks (or restarts), with a superseded part's demand
 * counted for its successor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbcMonthlyContract {

    static final Actor CLERK = new Actor("zhang.parts", Set.of("parts"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);

    TestDatabase db;
    PartsForPurchasingTests parts;
    MovableClock clock;
    Part old;
    Part successor;
    Part wipers;

    abstract TestDatabase database();

    @BeforeAll
    void november() {
        db = database();
        // Sunday 15 November 2026, 10:00 in Shanghai
        clock = new MovableClock(Instant.parse("2026-11-15T02:00:00Z"));
        parts = PartsForPurchasingTests.on(db, clock);
        Warehouse central = parts.warehouses().byCode("ZK").orElseThrow();
        old = parts.catalogue().add(PartDraft.of("ABC-OLD-1", "旧款空滤", "个", "90"), CLERK);
        successor = parts.catalogue().add(PartDraft.of("ABC-NEW-1", "新款空滤", "个", "95"), CLERK);
        wipers = parts.catalogue().add(PartDraft.of("ABC-WIPER", "雨刮片", "副", "60"), CLERK);
        parts.ledger().post(List.of(MovementDraft.receipt(old.id(), central.id(), null, q("10"), q("50.00"), "PO-1"),
                MovementDraft.receipt(successor.id(), central.id(), null, q("10"), q("60.00"), "PO-1"),
                MovementDraft.receipt(wipers.id(), central.id(), null, q("10"), q("10.00"), "PO-1")), CLERK);
        // November's demand: 6 old air filters (300.00) and 2 wiper sets (20.00)
        parts.ledger().post(MovementDraft.issue(old.id(), central.id(), null, q("6"), 7001, 1), CLERK);
        parts.ledger().post(MovementDraft.issue(wipers.id(), central.id(), null, q("2"), 7002, 1), CLERK);
        // from 20 November the old filter is replaced by the new one
        parts.catalogue().supersede(old.id(), SupersessionDraft.replacedBy("ABC-NEW-1", LocalDate.of(2026, 11, 20)),
                CLERK);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    JpaStockAnalysis analysis() {
        JpaStockAnalysis a = new JpaStockAnalysis();
        a.jpa = parts.jpa();
        a.permissions = parts.permissions();
        a.clock = clock;
        return a;
    }

    @Test
    void firstOfTheMonthClassifiesOnceAndTheOldPartsDemandCountsForItsSuccessor() {
        JpaStockAnalysis platform = analysis();
        // 30 November 23:30 in Shanghai (15:30 UTC): still November, the look classifies November's first run
        clock.forward(Duration.between(clock.now(), Instant.parse("2026-11-30T15:30:00Z")));
        platform.classifyOncePerMonth();
        assertEquals(List.of("2026-11"), platform.monthsClassified());

        // 1 December 00:30 in Shanghai is still 30 November in UTC: the shop's month is what counts
        clock.forward(Duration.ofHours(1));
        platform.classifyOncePerMonth();
        assertEquals(List.of("2026-12", "2026-11"), platform.monthsClassified());
        AbcClassification december = platform.classification(MANAGER).orElseThrow();
        assertEquals("system", december.computedBy());
        assertEquals(LocalDate.of(2025, 12, 1), december.from());
        assertEquals(LocalDate.of(2026, 11, 30), december.to());
        // the new filter carries the old one's 300.00: A; wipers 20.00 after 93.75 %: B; the old filter none: C
        assertEquals('A', of(december, successor).abcClass());
        assertEquals(new BigDecimal("300.00"), of(december, successor).consumptionValue());
        assertEquals('B', of(december, wipers).abcClass());
        assertEquals('C', of(december, old).abcClass());
        assertEquals(new BigDecimal("0.00"), of(december, old).consumptionValue());

        // looks later that day, and a restarted platform's first look, leave December's run as it was
        clock.forward(Duration.ofHours(1));
        platform.classifyOncePerMonth();
        JpaStockAnalysis restarted = analysis();
        restarted.classifyOncePerMonth();
        assertFalse(restarted.classifyMonth(YearMonth.of(2026, 12)));
        assertEquals(december.computedAt(), restarted.classification(MANAGER).orElseThrow().computedAt());
        assertEquals(List.of("2026-12", "2026-11"), restarted.monthsClassified());

        // January has its own run
        clock.forward(Duration.ofDays(31));
        restarted.classifyOncePerMonth();
        AbcClassification january = restarted.classification(MANAGER).orElseThrow();
        assertNotEquals(december.computedAt(), january.computedAt());
        assertEquals(LocalDate.of(2026, 12, 31), january.to());
        assertEquals(List.of("2027-01", "2026-12", "2026-11"), restarted.monthsClassified());
    }

    private static AbcClass of(AbcClassification c, Part p) {
        return c.parts().stream().filter(x -> x.partId() == p.id()).findFirst().orElseThrow();
    }

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }
}
