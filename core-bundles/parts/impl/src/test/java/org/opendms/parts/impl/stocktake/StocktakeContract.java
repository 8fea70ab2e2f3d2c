package org.opendms.parts.impl.stocktake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.stocktake.Count;
import org.opendms.parts.api.stocktake.Stocktake;
import org.opendms.parts.api.stocktake.StocktakeDraft;
import org.opendms.parts.api.stocktake.StocktakeLine;
import org.opendms.parts.api.stocktake.StocktakeStatus;
import org.opendms.parts.impl.PartsForPurchasingTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestShopClock;

/** Stocktakes on a real database with the real parts ledger, audit trail and permission table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StocktakeContract {

    static final Actor CLERK = new Actor("zhang.parts", Set.of("parts"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final AtomicInteger NUMBERS = new AtomicInteger(7000);

    TestDatabase db;
    PartsForPurchasingTests parts;
    JpaStocktakes stocktakes;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        TestShopClock clock = TestShopClock.fixed(NOW);
        parts = PartsForPurchasingTests.on(db, clock);
        stocktakes = new JpaStocktakes();
        stocktakes.jpa = parts.jpa();
        stocktakes.permissions = parts.permissions();
        stocktakes.clock = clock;
        stocktakes.audit = parts.audit();
        stocktakes.catalogue = parts.catalogue();
        stocktakes.warehouses = parts.warehouses();
        stocktakes.ledger = parts.ledger();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    Warehouse newWarehouse() {
        int n = NUMBERS.incrementAndGet();
        return parts.warehouses().create("W" + n, "仓库 " + n, WarehouseKind.SHOP, CLERK);
    }

    Part newPart() {
        int n = NUMBERS.incrementAndGet();
        return parts.catalogue().add(PartDraft.of("1K0-407-" + n, "控制臂 " + n, "个", "300"), CLERK);
    }

    void receive(Part p, Warehouse w, Bin b, String quantity) {
        parts.ledger().post(MovementDraft.receipt(p.id(), w.id(), b == null ? null : b.id(), q(quantity), q("50"),
                "OPENING"), CLERK);
    }

    BigDecimal onHand(Part p, Warehouse w) {
        return parts.stock().ofPart(p.id(), MANAGER).warehouses().stream().filter(s -> s.warehouseId() == w.id())
                .map(WarehouseStock::onHand).findFirst().orElse(BigDecimal.ZERO).stripTrailingZeros();
    }

    StocktakeLine lineOf(Stocktake s, Part p) {
        return s.lines().stream().filter(l -> l.partId() == p.id()).findFirst().orElseThrow();
    }

    static DmsException refused(DmsException.Kind kind, String field, String code, Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                () -> "expected " + field + " " + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank()));
        return e;
    }

    @Test
    void aVarianceTheManagerApprovesBecomesALedgerAdjustment() {
        Warehouse w = newWarehouse();
        Bin a = parts.warehouses().addBin(w.id(), null, "A", "01", "1", CLERK);
        Part short_ = newPart();
        Part right = newPart();
        receive(short_, w, a, "10");
        receive(right, w, a, "4");

        Stocktake s = stocktakes.open(new StocktakeDraft(w.id(), null, "年末盘点"), CLERK);
        assertEquals(StocktakeStatus.COUNTING, s.status());
        assertEquals(2, s.lines().size());
        assertEquals(2, s.uncounted());
        assertEquals(0, q("10").compareTo(lineOf(s, short_).frozen()));

        // counted by the scanned number (any spelling), and by line
        s = stocktakes.count(s.id(), s.version(), List.of(
                new Count(null, short_.number().key().toLowerCase(), null, null, q("8")),
                new Count(lineOf(s, right).id(), null, null, null, q("4"))), CLERK);
        assertEquals(0, s.uncounted());
        assertEquals(0, q("-2").compareTo(lineOf(s, short_).variance()));
        // what the variance is worth, for the roles that see costs
        Stocktake seen = stocktakes.get(s.id(), MANAGER);
        assertEquals(0, q("-100.00").compareTo(seen.varianceValue()));

        Stocktake submitted = stocktakes.submit(s.id(), s.version(), CLERK);
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> stocktakes.approve(submitted.id(),
                submitted.version(), CLERK));
        Stocktake posted = stocktakes.approve(submitted.id(), submitted.version(), MANAGER);
        assertEquals(StocktakeStatus.POSTED, posted.status());
        assertEquals("zhao.manager", posted.approvedBy());
        assertEquals(0, q("8").compareTo(onHand(short_, w)));
        assertEquals(0, q("4").compareTo(onHand(right, w)));
        List<StockMovement> rows = parts.ledger().search(new LedgerQuery(short_.id(), w.id(), MovementType.ADJUSTMENT,
                null, null, null), new PageRequest(0, 10), MANAGER).items();
        assertEquals(1, rows.size());
        assertEquals(0, q("-2").compareTo(rows.get(0).quantity()));
        assertEquals(posted.number(), rows.get(0).reference());
        assertTrue(parts.ledger().search(new LedgerQuery(right.id(), w.id(), MovementType.ADJUSTMENT, null, null,
                null), new PageRequest(0, 10), MANAGER).items().isEmpty());
    }

    @Test
    void movementsDuringTheStocktakeStayInTheStock() {
        Warehouse w = newWarehouse();
        Bin a = parts.warehouses().addBin(w.id(), null, "A", "01", "1", CLERK);
        Part p = newPart();
        receive(p, w, a, "10");
        Stocktake s = stocktakes.open(new StocktakeDraft(w.id(), List.of(a.id()), null), CLERK);
        // 5 arrive after the freeze, before the count: the shelf holds 15 and the clerk finds 14
        receive(p, w, a, "5");
        s = stocktakes.count(s.id(), s.version(), List.of(new Count(null, p.number().printed(), a.id(), null,
                q("14"))), CLERK);
        StocktakeLine l = lineOf(s, p);
        assertEquals(0, q("10").compareTo(l.frozen()));
        assertEquals(0, q("15").compareTo(l.bookAtCount()));
        assertEquals(0, q("-1").compareTo(l.variance()));
        assertFalse(l.movedSinceCount());
        // 3 more arrive after the count, before the approval: they stay
        receive(p, w, a, "3");
        s = stocktakes.get(s.id(), CLERK);
        assertTrue(lineOf(s, p).movedSinceCount());
        s = stocktakes.submit(s.id(), s.version(), CLERK);
        stocktakes.approve(s.id(), s.version(), MANAGER);
        assertEquals(0, q("17").compareTo(onHand(p, w)));
    }

    @Test
    void aPartFoundWhereTheBookHasNothingIsAGain() {
        Warehouse w = newWarehouse();
        Bin a = parts.warehouses().addBin(w.id(), null, "A", "01", "1", CLERK);
        Bin b = parts.warehouses().addBin(w.id(), null, "A", "01", "2", CLERK);
        Part p = newPart();
        receive(p, w, a, "2");
        Stocktake s = stocktakes.open(new StocktakeDraft(w.id(), null, null), CLERK);
        refused(DmsException.Kind.INVALID_INPUT, "counts[0].binId", "stocktake.ambiguous", () -> {
            Stocktake t = stocktakes.get(s.id(), CLERK);
            Stocktake counted = stocktakes.count(t.id(), t.version(), List.of(new Count(null, p.number().printed(),
                    b.id(), null, q("1"))), CLERK);
            // found in bin b as well: a second line; counting by number alone is now ambiguous
            stocktakes.count(counted.id(), counted.version(), List.of(new Count(null, p.number().printed(), null,
                    null, q("2"))), CLERK);
        });
        Stocktake t = stocktakes.get(s.id(), CLERK);
        assertEquals(2, t.lines().size());
        t = stocktakes.count(t.id(), t.version(), List.of(new Count(null, p.number().printed(), a.id(), null,
                q("2"))), CLERK);
        t = stocktakes.submit(t.id(), t.version(), CLERK);
        stocktakes.approve(t.id(), t.version(), MANAGER);
        assertEquals(0, q("3").compareTo(onHand(p, w)));
    }

    @Test
    void refusesWhatTheStocktakeDoesNotAllowAndChangesNothing() {
        Warehouse w = newWarehouse();
        Bin a = parts.warehouses().addBin(w.id(), null, "A", "01", "1", CLERK);
        Part p = newPart();
        receive(p, w, a, "2");
        Stocktake s = stocktakes.open(new StocktakeDraft(w.id(), List.of(a.id()), null), CLERK);
        refused(DmsException.Kind.CONFLICT, "binIds", "stocktake.bin_busy",
                () -> stocktakes.open(new StocktakeDraft(w.id(), null, null), CLERK));
        refused(DmsException.Kind.CONFLICT, "lines", "stocktake.uncounted",
                () -> stocktakes.submit(s.id(), s.version(), CLERK));
        refused(DmsException.Kind.INVALID_INPUT, "counts[0].quantity", "out_of_range", () -> stocktakes.count(s.id(),
                s.version(), List.of(new Count(null, p.number().printed(), null, null, q("-1"))), CLERK));
        refused(DmsException.Kind.INVALID_INPUT, "counts[0].partNumber", "part.unknown", () -> stocktakes.count(
                s.id(), s.version(), List.of(new Count(null, "NO-SUCH-PART", null, null, q("1"))), CLERK));
        refused(DmsException.Kind.CONFLICT, "status", "stocktake.status",
                () -> stocktakes.approve(s.id(), s.version(), MANAGER));
        Stocktake same = stocktakes.get(s.id(), CLERK);
        assertEquals(s.version(), same.version());
        assertNull(lineOf(same, p).counted());
        Stocktake cancelled = stocktakes.cancel(s.id(), s.version(), "盘点范围错了", CLERK);
        assertEquals(StocktakeStatus.CANCELLED, cancelled.status());
        assertEquals(0, q("2").compareTo(onHand(p, w)));
        // the bin is free again
        stocktakes.open(new StocktakeDraft(w.id(), null, null), CLERK);
    }
}
