package org.opendms.parts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartQuery;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.Prices;
import org.opendms.parts.api.Reservation;
import org.opendms.parts.api.StockLimits;
import org.opendms.parts.api.SupersessionDraft;
import org.opendms.parts.api.SupersessionKind;
import org.opendms.parts.api.Transfer;
import org.opendms.parts.api.TransferDraft;
import org.opendms.parts.api.TransferStatus;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.parts.api.event.StockAlert;
import org.opendms.parts.api.event.StockEvent;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestShopClock;

/** The parts rules on a real database migrated by the real changelog, with the real audit trail and permissions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartsContract {

    static final Actor CLERK = new Actor("zhang.parts", Set.of("parts"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("li.tech", Set.of("technician"), Channel.REST);
    /** Wednesday 2 December 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);
    private static final AtomicInteger LINES = new AtomicInteger(1);

    TestDatabase db;
    PartsServicesForTests parts;
    Warehouse central;
    Warehouse shop;
    Warehouse oldParts;
    Bin a011;
    final List<StockEvent> told = new CopyOnWriteArrayList<>();
    final List<StockAlert> alerts = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        parts = PartsServicesForTests.on(db, TestShopClock.fixed(NOW), new PartsListener() {
            @Override
            public void moved(StockEvent event) {
                told.add(event);
            }

            @Override
            public void belowMinimum(StockAlert alert) {
                alerts.add(alert);
            }
        });
        // the central store and the old-parts store come with the schema
        central = parts.warehouses().byCode("zk").orElseThrow();
        assertEquals(WarehouseKind.CENTRAL, central.kind());
        shop = parts.warehouses().create("MD01", "一号门店库", WarehouseKind.SHOP, CLERK);
        oldParts = parts.warehouses().byCode("JJK").orElseThrow();
        refused(DmsException.Kind.CONFLICT, "code", "warehouse.duplicate",
                () -> parts.warehouses().create(" jjk", "旧件库", WarehouseKind.OLD_PARTS, CLERK));
        a011 = parts.warehouses().addBin(central.id(), null, "a", "01", "1", CLERK);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ---- helpers ----

    Part newPart(String retail) {
        int n = NUMBERS.incrementAndGet();
        return parts.catalogue().add(PartDraft.of("06L-115-" + n + " B", "机油滤清器 " + n, "个", retail), CLERK);
    }

    Part newFluid() {
        int n = NUMBERS.incrementAndGet();
        return parts.catalogue().add(PartDraft.of("G 052 " + n, "机油 5W-30 " + n, "升", "80").inBatches(), CLERK);
    }

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    Posting receive(Part p, Warehouse w, String quantity, String cost) {
        return parts.ledger().post(MovementDraft.receipt(p.id(), w.id(), null, q(quantity), q(cost), "PO-1"), CLERK);
    }

    Posting issue(Part p, Warehouse w, String quantity, long workOrder, long line) {
        return parts.ledger().post(MovementDraft.issue(p.id(), w.id(), null, q(quantity), workOrder, line), CLERK);
    }

    WarehouseStock in(Part p, Warehouse w) {
        return parts.stock().ofPart(p.id(), MANAGER).warehouses().stream().filter(s -> s.warehouseId() == w.id())
                .findFirst().orElseThrow();
    }

    long ledgerRows(Part p) {
        return db.count("SELECT COUNT(*) FROM pt_movement WHERE part_id = " + p.id());
    }

    static DmsException refused(DmsException.Kind kind, String field, String code, Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                () -> "expected " + field + " " + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank()));
        return e;
    }

    static long line() {
        return LINES.incrementAndGet();
    }

    // ---- catalogue ----

    @Test
    void findsAPartByItsNumberHoweverItIsTyped() {
        Part p = newPart("45.00");
        assertTrue(p.number().printed().startsWith("06L-115-"));
        String typed = p.number().key().toLowerCase().replace("115", " 115-");
        assertEquals(p.id(), parts.catalogue().lookup(typed).orElseThrow().part().id());
        assertEquals(p.id(), parts.catalogue().search(PartQuery.text(p.number().key().substring(3, 10)),
                new PageRequest(0, 20)).items().get(0).id());
        assertEquals(new BigDecimal("0.1300"), p.taxRate());
    }

    @Test
    void refusesTheSameNumberTypedDifferently() {
        Part p = newPart("45.00");
        long before = db.count("SELECT COUNT(*) FROM pt_part");
        refused(DmsException.Kind.CONFLICT, "number", "part.duplicate", () -> parts.catalogue()
                .add(PartDraft.of(p.number().key().toLowerCase(), "另一个名字", "个", "10"), CLERK));
        assertEquals(before, db.count("SELECT COUNT(*) FROM pt_part"));
    }

    @Test
    void refusesABadPartNamingEveryField() {
        DmsException e = assertThrows(DmsException.class, () -> parts.catalogue().add(
                new PartDraft(" -- ", " ", null, null, "", new Prices(q("-1"), q("1.234"), null, null), q("2"),
                        null, false, false),
                CLERK));
        List<String> fields = e.violations().stream().map(v -> v.field()).toList();
        assertTrue(fields.containsAll(List.of("number", "name", "unit", "prices.retail", "prices.warranty",
                "taxRate")), fields.toString());
    }

    @Test
    void aSupersededPartOffersItsSuccessorAndItsDemandFollows() {
        Part old = newPart("45.00");
        Part mid = newPart("46.00");
        Part last = newPart("47.00");
        parts.catalogue().supersede(old.id(), SupersessionDraft.replacedBy(mid.number().printed(), null), CLERK);
        parts.catalogue().supersede(mid.id(), SupersessionDraft.replacedBy(last.number().printed(), null), CLERK);
        PartLookup found = parts.catalogue().lookup(old.number().printed()).orElseThrow();
        assertTrue(found.superseded());
        assertEquals(mid.id(), found.successors().get(0).successorId());
        assertEquals(last.id(), found.current().id(), "the end of the chain is the part to issue");
        assertEquals(Set.of(last.id(), mid.id(), old.id()), Set.copyOf(parts.catalogue().family(last.id())));
        refused(DmsException.Kind.CONFLICT, "successors", "supersession.cycle", () -> parts.catalogue()
                .supersede(last.id(), SupersessionDraft.replacedBy(old.number().printed(), null), CLERK));
        // a replacement from next month is not offered yet
        Part later = newPart("50.00");
        parts.catalogue().supersede(last.id(),
                SupersessionDraft.replacedBy(later.number().printed(), TODAY.plusMonths(1)), CLERK);
        assertEquals(last.id(), parts.catalogue().lookup(last.number().key()).orElseThrow().current().id());
        assertNull(parts.catalogue().get(last.id()).supersededBy());
        assertEquals(1, parts.catalogue().supersessions(last.id()).size());
    }

    @Test
    void aKitNeedsSeveralPartsWithTheirQuantities() {
        Part old = newPart("300.00");
        Part a = newPart("100.00");
        Part b = newPart("80.00");
        refused(DmsException.Kind.INVALID_INPUT, "successors", "kit.several", () -> parts.catalogue().supersede(
                old.id(), new SupersessionDraft(SupersessionKind.KIT,
                        List.of(new SupersessionDraft.Successor(a.number().printed(), null)), null, null),
                CLERK));
        parts.catalogue().supersede(old.id(), new SupersessionDraft(SupersessionKind.KIT,
                List.of(new SupersessionDraft.Successor(a.number().printed(), q("1")),
                        new SupersessionDraft.Successor(b.number().printed(), q("2"))),
                null, "厂家通知 2026-77"), CLERK);
        PartLookup found = parts.catalogue().lookup(old.number().printed()).orElseThrow();
        assertTrue(found.superseded());
        assertEquals(2, found.successors().size());
        assertEquals(old.id(), found.current().id(), "a kit is not a 1:1 successor");
    }

    // ---- ledger ----

    @Test
    void receiptsAverageTheCostAndEveryMovementRecordsItsCost() {
        Part p = newPart("60.00");
        receive(p, central, "10", "20.00");
        Posting second = parts.ledger().post(
                MovementDraft.receipt(p.id(), central.id(), a011.id(), q("30"), q("24.00"), "PO-2"), CLERK);
        WarehouseStock s = in(p, central);
        assertEquals(q("40.00"), s.onHand());
        assertEquals(q("23.0000"), s.averageCost(), "(10 × 20 + 30 × 24) / 40");
        assertEquals(q("920.00"), s.value());
        assertEquals(2, s.bins().size());
        assertEquals(q("720.00"), second.movements().get(0).value());
        Posting issued = issue(p, central, "5", 77, line());
        assertEquals(q("-115.00"), issued.movements().get(0).value());
        assertEquals(q("23.0000"), issued.movements().get(0).unitCost());
        assertEquals(q("35.00"), issued.movements().get(0).onHandAfter());
        assertEquals(3, ledgerRows(p));
        assertEquals(q("35.00"), ledgerSum(p));
    }

    @Test
    void anIssueBeyondStockIsRefusedAndChangesNothing() {
        Part p = newPart("60.00");
        receive(p, central, "3", "20.00");
        long rows = ledgerRows(p);
        refused(DmsException.Kind.CONFLICT, "lines[0].quantity", "stock.insufficient",
                () -> issue(p, central, "4", 78, line()));
        assertEquals(rows, ledgerRows(p));
        assertEquals(q("3.00"), in(p, central).onHand());
    }

    @Test
    void aPostingIsAllOrNothing() {
        Part p = newPart("60.00");
        Part other = newPart("61.00");
        receive(other, central, "1", "20.00");
        long rows = ledgerRows(p) + ledgerRows(other);
        long postings = db.count("SELECT COUNT(*) FROM pt_posting");
        refused(DmsException.Kind.CONFLICT, "lines[1].quantity", "stock.insufficient", () -> parts.ledger().post(
                List.of(MovementDraft.receipt(p.id(), central.id(), null, q("5"), q("10"), null),
                        MovementDraft.issue(other.id(), central.id(), null, q("2"), 79, line())),
                CLERK));
        assertEquals(rows, ledgerRows(p) + ledgerRows(other));
        assertEquals(postings, db.count("SELECT COUNT(*) FROM pt_posting"));
        assertTrue(parts.stock().ofPart(p.id(), CLERK).warehouses().stream()
                .allMatch(w -> w.onHand().signum() == 0));
    }

    @Test
    void refusesBadLinesNamingEachFieldWithNothingPosted() {
        Part p = newPart("60.00");
        long postings = db.count("SELECT COUNT(*) FROM pt_posting");
        DmsException e = assertThrows(DmsException.class, () -> parts.ledger().post(List.of(
                new MovementDraft(MovementType.RECEIPT, p.id(), central.id(), null, q("1.5"), null, null, null, null,
                        null, null, null),
                new MovementDraft(MovementType.ISSUE, p.id(), 999999, null, q("-1"), q("3"), null, null, null, null,
                        null, null),
                MovementDraft.adjustment(p.id(), central.id(), null, q("2"), "PD-1", " ")), MANAGER));
        List<String> fields = e.violations().stream().map(v -> v.field()).toList();
        assertTrue(fields.containsAll(List.of("lines[0].quantity", "lines[0].unitCost", "lines[1].warehouseId",
                "lines[1].quantity", "lines[1].unitCost", "lines[1].workOrderId", "lines[1].lineId",
                "lines[2].reason")), fields.toString());
        assertEquals(postings, db.count("SELECT COUNT(*) FROM pt_posting"));
    }

    @Test
    void onlyTheRolesOfThePermissionTableMoveStockAndSeeCosts() {
        Part p = newPart("60.00");
        receive(p, central, "1", "1");
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> parts.ledger()
                .post(MovementDraft.receipt(p.id(), central.id(), null, q("1"), q("1"), null), TECHNICIAN));
        assertThrows(DmsException.class, () -> parts.ledger().post(
                MovementDraft.adjustment(p.id(), central.id(), null, q("-1"), "PD-9", "盘亏"), CLERK));
        PartStock seen = parts.stock().ofPart(p.id(), ADVISOR);
        assertEquals(q("1.00"), seen.available());
        assertNull(seen.warehouses().get(0).averageCost(), "an advisor sees availability, not costs");
        assertEquals(q("60.00"), seen.part().prices().retail());
        assertThrows(DmsException.class,
                () -> parts.ledger().search(LedgerQuery.ofPart(p.id()), new PageRequest(0, 20), TECHNICIAN));
    }

    @Test
    void aReturnComesBackAtTheCostItLeftWithAndNotMoreThanIssued() {
        Part p = newPart("60.00");
        receive(p, central, "4", "10.00");
        long wo = 80;
        long l = line();
        issue(p, central, "3", wo, l);
        receive(p, central, "4", "20.00"); // average now (1 × 10 + 4 × 20) / 5 = 18
        refused(DmsException.Kind.CONFLICT, "lines[0].quantity", "return.exceeds_issued", () -> parts.ledger()
                .post(MovementDraft.returned(p.id(), central.id(), null, q("4"), wo, l, null), CLERK));
        Posting back = parts.ledger().post(MovementDraft.returned(p.id(), central.id(), null, q("2"), wo, l, "用不上"),
                CLERK);
        assertEquals(q("10.0000"), back.movements().get(0).unitCost());
        assertEquals(q("1.00"), parts.ledger().issuedToLine(wo, l));
        assertEquals(q("7.00"), in(p, central).onHand());
        assertEquals(q("15.7143"), in(p, central).averageCost(), "(5 × 18 + 2 × 10) / 7");
    }

    @Test
    void reservedStockIsKeptForItsLine() {
        Part p = newPart("60.00");
        receive(p, central, "5", "10.00");
        long l1 = line();
        long l2 = line();
        Reservation r = parts.reservations().reserve(p.id(), central.id(), q("4"), 81, l1, false, ADVISOR);
        assertEquals(q("4.00"), r.quantity());
        assertEquals(q("1.00"), in(p, central).available());
        refused(DmsException.Kind.CONFLICT, "quantity", "stock.insufficient",
                () -> parts.reservations().reserve(p.id(), central.id(), q("2"), 82, l2, false, ADVISOR));
        Reservation partial = parts.reservations().reserve(p.id(), central.id(), q("3"), 82, l2, true, ADVISOR);
        assertEquals(q("1.00"), partial.quantity());
        assertEquals(q("2.00"), partial.shortfall());
        // another line cannot take stock reserved for line 1; line 1 itself can
        refused(DmsException.Kind.CONFLICT, "lines[0].quantity", "stock.insufficient",
                () -> issue(p, central, "2", 83, line()));
        issue(p, central, "3", 81, l1);
        assertEquals(q("1.00"), parts.reservations().forLine(81, l1, central.id()).orElseThrow().quantity());
        assertEquals(q("2.00"), in(p, central).reserved());
        List<Reservation> released = parts.reservations().release(81, l1, "客户取消", ADVISOR);
        assertEquals(1, released.size());
        assertEquals(q("1.00"), in(p, central).reserved());
        assertEquals(q("1.00"), in(p, central).available());
    }

    @Test
    void batchesGoFirstExpiryFirstAndExpiredStockIsNotIssued() {
        Part oil = newFluid();
        parts.ledger().post(List.of(
                MovementDraft.receipt(oil.id(), central.id(), null, q("10"), q("30"), null).inBatch("B-LATE",
                        TODAY.plusMonths(6)),
                MovementDraft.receipt(oil.id(), central.id(), null, q("4.5"), q("30"), null).inBatch("B-SOON",
                        TODAY.plusDays(10))),
                CLERK);
        refused(DmsException.Kind.INVALID_INPUT, "lines[0].batchNumber", "required", () -> parts.ledger()
                .post(MovementDraft.receipt(oil.id(), central.id(), null, q("1"), q("30"), null), CLERK));
        Posting out = issue(oil, central, "6", 84, line());
        assertEquals(2, out.movements().size());
        assertEquals("B-SOON", out.movements().get(0).batchNumber());
        assertEquals(q("-4.50"), out.movements().get(0).quantity());
        assertEquals("B-LATE", out.movements().get(1).batchNumber());
        assertEquals(q("8.50"), parts.stock().batches(oil.id(), central.id()).get(0).onHand());

        // a batch that expired yesterday is refused at issue (received when it was still good: set by hand)
        Part old = newFluid();
        parts.ledger().post(MovementDraft.receipt(old.id(), central.id(), null, q("2"), q("30"), null)
                .inBatch("B-OLD", TODAY.plusDays(1)), CLERK);
        sql("UPDATE pt_batch SET expires_on = DATE('" + TODAY.minusDays(1) + "') WHERE batch_no = 'B-OLD'");
        refused(DmsException.Kind.CONFLICT, "lines[0].quantity", "batch.expired",
                () -> issue(old, central, "1", 85, line()));
        assertEquals(q("2.00"), in(old, central).onHand());
    }

    @Test
    void aTransferIsInTransitUntilReceived() {
        Part p = newPart("60.00");
        receive(p, central, "6", "12.00");
        Transfer t = parts.transfers().send(new TransferDraft(central.id(), shop.id(),
                List.of(new TransferDraft.Line(p.id(), null, q("4"))), "门店补货"), CLERK);
        assertEquals(TransferStatus.IN_TRANSIT, t.status());
        assertTrue(t.number().startsWith("DB20261202-"));
        assertEquals(q("2.00"), in(p, central).onHand());
        assertEquals(q("4.00"), in(p, shop).inTransit());
        assertEquals(q("0.00"), in(p, shop).onHand());
        assertEquals(1, parts.transfers().inTransit(shop.id(), false, CLERK).size());
        Transfer got = parts.transfers().receive(t.id(), t.version(), null, CLERK);
        assertEquals(TransferStatus.RECEIVED, got.status());
        assertEquals(q("4.00"), in(p, shop).onHand());
        assertEquals(q("0.00"), in(p, shop).inTransit());
        assertEquals(q("12.0000"), in(p, shop).averageCost());
        refused(DmsException.Kind.CONFLICT, "transferId", "transfer.received",
                () -> parts.transfers().receive(t.id(), got.version(), null, CLERK));
        assertEquals(q("2.00"), ledgerSum(p));
        assertEquals(q("4.00"), ledgerSum(p, shop));
    }

    @Test
    void oldPartsAreKeptOnlyInTheOldPartsStoreAtNoCost() {
        Part p = newPart("60.00");
        refused(DmsException.Kind.INVALID_INPUT, "lines[0].warehouseId", "warehouse.not_old_parts", () -> parts
                .ledger().post(MovementDraft.oldPartKept(p.id(), central.id(), q("1"), 86, line(), "索赔旧件"), CLERK));
        Posting kept = parts.ledger().post(MovementDraft.oldPartKept(p.id(), oldParts.id(), q("1"), 86, line(),
                "索赔旧件"), CLERK);
        assertEquals(q("0.0000"), kept.movements().get(0).unitCost());
        assertEquals(q("1.00"), in(p, oldParts).onHand());
        parts.ledger().post(MovementDraft.returnToSupplier(p.id(), oldParts.id(), null, q("1"), "SP-1", "旧件返厂"),
                CLERK);
        assertEquals(q("0.00"), in(p, oldParts).onHand());
    }

    @Test
    void theManagerAdjustsAStocktakeVarianceAndFallingBelowMinimumIsTold() {
        Part p = newPart("60.00");
        receive(p, central, "5", "10.00");
        parts.stock().setLimits(p.id(), central.id(), new StockLimits(q("4"), q("10"), q("5")), CLERK);
        refused(DmsException.Kind.INVALID_INPUT, "maximum", "below_minimum", () -> parts.stock().setLimits(p.id(),
                central.id(), new StockLimits(q("4"), q("3"), null), CLERK));
        int before = alerts.size();
        parts.ledger().post(MovementDraft.adjustment(p.id(), central.id(), null, q("-2"), "PD-2", "盘亏"), MANAGER);
        assertEquals(q("3.00"), in(p, central).onHand());
        assertEquals(before + 1, alerts.size());
        assertEquals(p.id(), alerts.get(alerts.size() - 1).partId());
        assertTrue(parts.stock().belowMinimum(central.id(), new PageRequest(0, 200), MANAGER).items().stream()
                .anyMatch(s -> s.onHand().equals(q("3.00"))));
        parts.ledger().post(MovementDraft.adjustment(p.id(), central.id(), null, q("1"), "PD-2", "盘盈"), MANAGER);
        assertEquals(q("4.00"), in(p, central).onHand());
        assertEquals(q("10.0000"), in(p, central).averageCost());
        assertTrue(told.stream().anyMatch(e -> e.partId() == p.id() && e.type().equals("ADJUSTMENT")));
    }

    @Test
    void theLedgerIsNeverChanged() {
        Assumptions.assumeTrue("postgresql".equals(db.kind()), "the insert-only trigger is PostgreSQL's");
        Part p = newPart("60.00");
        receive(p, central, "1", "10.00");
        assertThrows(IllegalStateException.class,
                () -> sql("UPDATE pt_movement SET quantity = 100 WHERE part_id = " + p.id()));
        assertThrows(IllegalStateException.class, () -> sql("DELETE FROM pt_movement WHERE part_id = " + p.id()));
        assertEquals(q("1.00"), ledgerSum(p));
    }

    @Test
    void onHandIsNeverNegativeUnderSixteenClerksAndTheLedgerAddsUp() throws Exception {
        Part p = newPart("60.00");
        // fewer on the shelf than clerks asking: some issues find it empty and are refused
        receive(p, central, "8", "10.00");
        int threads = 16;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refusedIssues = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long wo = 1000 + t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    long l = line();
                    try {
                        issue(p, central, "1", wo, l);
                        issued.incrementAndGet();
                        parts.ledger().post(MovementDraft.returned(p.id(), central.id(), null, q("1"), wo, l, null),
                                CLERK);
                    } catch (DmsException e) {
                        if (!"stock.insufficient".equals(e.violations().get(0).code())) {
                            throw e;
                        }
                        refusedIssues.incrementAndGet();
                    }
                    assertTrue(db.count("SELECT COUNT(*) FROM pt_stock WHERE on_hand < 0") == 0);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        WarehouseStock s = in(p, central);
        assertTrue(s.onHand().signum() >= 0);
        assertEquals(s.onHand(), ledgerSum(p), "the ledger sums to on hand");
        assertEquals(q("8.00"), s.onHand(), "every issue was returned");
        assertEquals(0, db.count("SELECT COUNT(*) FROM pt_movement WHERE on_hand_after < 0"));
        assertEquals(threads * rounds, issued.get() + refusedIssues.get());
        assertTrue(issued.get() >= 8, "issued " + issued.get());
        assertEquals(2 * issued.get() + 1, ledgerRows(p));
    }

    BigDecimal ledgerSum(Part p) {
        return ledgerSum(p, central);
    }

    BigDecimal ledgerSum(Part p, Warehouse w) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT SUM(quantity) FROM pt_movement WHERE part_id = " + p.id()
                        + " AND warehouse_id = " + w.id())) {
            r.next();
            BigDecimal sum = r.getBigDecimal(1);
            return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void sql(String statement) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
