package org.opendms.parts.impl.purchasing;

import org.opendms.parts.api.purchasing.PartDemand;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.SupersessionDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.StockLimits;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.parts.api.purchasing.AbcClassification;
import org.opendms.parts.api.purchasing.DeadStock;
import org.opendms.parts.api.purchasing.OrderSuggestion;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrderDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderLineDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderStatus;
import org.opendms.parts.api.purchasing.PurchasingEvent;
import org.opendms.parts.api.purchasing.PurchasingListener;
import org.opendms.parts.api.purchasing.Receipt;
import org.opendms.parts.api.purchasing.ReceiptDraft;
import org.opendms.parts.api.purchasing.ReceiptLineDraft;
import org.opendms.parts.api.purchasing.StockLevelAlert;
import org.opendms.parts.api.purchasing.SuggestedLine;
import org.opendms.parts.api.purchasing.Supplier;
import org.opendms.parts.api.purchasing.SupplierDraft;
import org.opendms.parts.api.purchasing.SupplierGateway;
import org.opendms.parts.api.purchasing.SupplierPriceDraft;
import org.opendms.parts.impl.PartsForPurchasingTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.testing.TestDatabase;

/**
 * Purchasing on a real database migrated by the real changelogs, with the real parts services (catalogue, stock,
 * ledger), audit trail and permission table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PurchasingContract {

    static final Actor CLERK = new Actor("zhang.parts", Set.of("parts"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    /** Wednesday 2 December 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final AtomicInteger NUMBERS = new AtomicInteger(5000);

    TestDatabase db;
    MovableClock clock = new MovableClock(NOW);
    PartsForPurchasingTests parts;
    JpaSuppliers suppliers;
    JpaPurchaseOrders orders;
    JpaOrderSuggestions suggestions;
    JpaStockAnalysis analysis;
    Warehouse central;
    final List<PurchasingEvent> told = new CopyOnWriteArrayList<>();
    final List<String> transmitted = new CopyOnWriteArrayList<>();
    /** When set, the audit trail fails on this record type: a crash in the middle of a change. */
    volatile String failAuditOf;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        parts = PartsForPurchasingTests.on(db, clock);
        AuditTrail real = parts.audit();
        AuditTrail failing = new AuditTrail() {
            @Override
            public int record(EntityManager em, Actor actor, String type, Object id, Object before, Object after) {
                if (type.equals(failAuditOf)) {
                    throw new IllegalStateException("the disk is full (simulated)");
                }
                return real.record(em, actor, type, id, before, after);
            }

            @Override
            public int record(Actor actor, String type, Object id, Object before, Object after) {
                return real.record(actor, type, id, before, after);
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query, PageRequest page, Actor actor) {
                return real.search(query, page, actor);
            }
        };
        suppliers = new JpaSuppliers();
        suppliers.jpa = parts.jpa();
        suppliers.permissions = parts.permissions();
        suppliers.clock = clock;
        suppliers.audit = failing;
        suppliers.catalogue = parts.catalogue();
        orders = new JpaPurchaseOrders();
        orders.jpa = parts.jpa();
        orders.permissions = parts.permissions();
        orders.clock = clock;
        orders.audit = failing;
        orders.catalogue = parts.catalogue();
        orders.warehouses = parts.warehouses();
        orders.ledger = parts.ledger();
        orders.listeners = List.of(new PurchasingListener() {
            @Override
            public void sent(PurchasingEvent event) {
                told.add(event);
            }

            @Override
            public void received(PurchasingEvent event) {
                told.add(event);
            }
        });
        orders.gateways = List.of(new SupplierGateway() {
            @Override
            public boolean handles(Supplier supplier) {
                return supplier.code().startsWith("EDI");
            }

            @Override
            public String send(Supplier supplier, PurchaseOrder order) {
                transmitted.add(order.number());
                return "REF-" + order.id();
            }

            @Override
            public List<Availability> availability(Supplier supplier, List<String> partNumbers) {
                return List.of();
            }

            @Override
            public List<SupplierPriceDraft> priceList(Supplier supplier) {
                return List.of();
            }
        });
        suggestions = new JpaOrderSuggestions();
        suggestions.jpa = parts.jpa();
        suggestions.permissions = parts.permissions();
        suggestions.clock = clock;
        suggestions.catalogue = parts.catalogue();
        suggestions.warehouses = parts.warehouses();
        suggestions.orders = orders;
        analysis = new JpaStockAnalysis();
        analysis.jpa = parts.jpa();
        analysis.permissions = parts.permissions();
        analysis.clock = clock;
        central = parts.warehouses().byCode("ZK").orElseThrow(); // the central store every shop starts with (parts-003)
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ---- helpers

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    Part newPart() {
        int n = NUMBERS.incrementAndGet();
        return parts.catalogue().add(PartDraft.of("5Q0-698-" + n, "前刹车片 " + n, "套", "480"), CLERK);
    }

    Supplier newSupplier(String prefix) {
        int n = NUMBERS.incrementAndGet();
        return suppliers.create(new SupplierDraft(prefix + n, "一汽大众配件中心 " + n, "刘经理", "0431-8888 6666",
                "parts@example.com", "长春市", 3, "月结30天", null, null), CLERK);
    }

    WarehouseStock stock(Part p) {
        return parts.stock().ofPart(p.id(), MANAGER).warehouses().stream().filter(s -> s.warehouseId() == central.id())
                .findFirst().orElse(null);
    }

    BigDecimal onHand(Part p) {
        WarehouseStock s = stock(p);
        return s == null ? BigDecimal.ZERO : s.onHand().stripTrailingZeros();
    }

    long ledgerRows(Part p) {
        return db.count("SELECT COUNT(*) FROM pt_movement WHERE part_id = " + p.id());
    }

    /** A sent order of the parts at 100 and 200 yuan, 10 of each. */
    PurchaseOrder sentOrder(Supplier s, Part a, Part b) {
        PurchaseOrder draft = orders.create(new PurchaseOrderDraft(s.id(), central.id(), null, null, List.of(
                new PurchaseOrderLineDraft(a.id(), null, q("10"), q("100"), null),
                new PurchaseOrderLineDraft(null, b.number().printed(), q("10"), q("200"), null))), CLERK);
        return orders.send(draft.id(), draft.version(), CLERK);
    }

    @Test
    void anUrgentOrderCountsInTheFiguresOnceSentAndReplenishmentNever() {
        Warehouse w = parts.warehouses().create("UR" + NUMBERS.incrementAndGet(), "急件门店库", WarehouseKind.SHOP, CLERK);
        Supplier s = newSupplier("UR");
        Part a = newPart();
        Part b = newPart();
        PartsFigures figures = parts.figures();
        PurchaseOrder urgent = orders.create(new PurchaseOrderDraft(s.id(), w.id(), null, "客户车等件", List.of(
                new PurchaseOrderLineDraft(a.id(), null, q("2"), q("100"), null),
                new PurchaseOrderLineDraft(b.id(), null, q("1"), q("200"), null)), true), CLERK);
        assertTrue(urgent.urgent());
        assertTrue(orders.get(urgent.id()).urgent(), "kept");
        assertEquals(0, urgentLines(figures, w), "a draft is not ordered yet");

        orders.send(urgent.id(), urgent.version(), CLERK);
        PurchaseOrder replenishment = orders.create(new PurchaseOrderDraft(s.id(), w.id(), null, null, List.of(
                new PurchaseOrderLineDraft(a.id(), null, q("10"), q("100"), null))), CLERK);
        assertFalse(replenishment.urgent());
        orders.send(replenishment.id(), replenishment.version(), CLERK);
        assertEquals(2, urgentLines(figures, w), "the urgent order's two lines; the replenishment order's none");

        // a draft made urgent before sending counts; cancelled after sending, it brought nothing and does not
        PurchaseOrder late = orders.create(new PurchaseOrderDraft(s.id(), w.id(), null, null, List.of(
                new PurchaseOrderLineDraft(b.id(), null, q("1"), q("200"), null))), CLERK);
        late = orders.update(late.id(), late.version(), new PurchaseOrderDraft(s.id(), w.id(), null, null, List.of(
                new PurchaseOrderLineDraft(b.id(), null, q("1"), q("200"), null)), true), CLERK);
        assertTrue(late.urgent());
        late = orders.send(late.id(), late.version(), CLERK);
        assertEquals(3, urgentLines(figures, w));
        orders.cancel(late.id(), late.version(), "供应商缺货", CLERK);
        assertEquals(2, urgentLines(figures, w));
    }

    private long urgentLines(PartsFigures figures, Warehouse w) {
        return figures.figures(clock.today(), clock.today(), List.of(w.id()), MANAGER).linesOrderedUrgently();
    }

    static DmsException refused(DmsException.Kind kind, String field, String code, Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                () -> "expected " + field + " " + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank()));
        return e;
    }

    // ---- suppliers

    @Test
    void keepsASupplierAndRefusesItsCodeTwice() {
        Supplier s = newSupplier("faw-");
        assertTrue(s.code().startsWith("FAW-"));
        assertEquals(3, s.leadTimeDays());
        assertTrue(s.active());
        refused(DmsException.Kind.CONFLICT, "code", "supplier.duplicate_code", () -> suppliers.create(
                new SupplierDraft(s.code().toLowerCase(), "另一家", null, null, null, null, null, null, null, null),
                CLERK));
        Supplier changed = suppliers.update(s.id(), s.version(), new SupplierDraft(s.code(), s.name(), "王经理",
                s.phone(), s.email(), s.address(), 5, "货到付款", true, null), CLERK);
        assertEquals(5, changed.leadTimeDays());
        refused(DmsException.Kind.CONFLICT, "version", "stale_version", () -> suppliers.update(s.id(), s.version(),
                new SupplierDraft(s.code(), s.name(), null, null, null, null, 1, null, true, null), CLERK));
        assertEquals(1, suppliers.search(s.code(), false, new PageRequest(0, 20)).items().size());
    }

    @Test
    void namesEveryWrongFieldOfASupplier() {
        DmsException e = assertThrows(DmsException.class, () -> suppliers.create(new SupplierDraft("a b", " ", null,
                "tel:abc", "not-mail", null, 400, null, null, null), CLERK));
        List<String> fields = e.violations().stream().map(v -> v.field()).toList();
        assertTrue(fields.containsAll(List.of("code", "name", "phone", "email", "leadTimeDays")), fields.toString());
    }

    @Test
    void anAdvisorNeitherKeepsSuppliersNorOrders() {
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> suppliers.create(new SupplierDraft("X1", "x",
                null, null, null, null, null, null, null, null), ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> orders.create(new PurchaseOrderDraft(1L,
                central.id(), null, null, List.of()), ADVISOR));
    }

    @Test
    void anOrderLineWithoutAPriceTakesTheSuppliersAndIsRefusedWithoutOne() {
        Supplier s = newSupplier("S");
        Part a = newPart();
        Part b = newPart();
        suppliers.setPrices(s.id(), List.of(new SupplierPriceDraft(null, a.number().key().toLowerCase(), "SP-1",
                q("88.5"), null, null)), CLERK);
        assertEquals(0, q("88.5").compareTo(suppliers.prices(s.id()).get(0).unitPrice()));
        PurchaseOrder o = orders.create(new PurchaseOrderDraft(s.id(), central.id(), null, null,
                List.of(new PurchaseOrderLineDraft(a.id(), null, q("4"), null, null))), CLERK);
        assertEquals(PurchaseOrderStatus.DRAFT, o.status());
        assertTrue(o.number().startsWith("PO" + clock.today().toString().replace("-", "") + "-"), o.number());
        assertEquals(q("354.00"), o.total());
        long before = db.count("SELECT COUNT(*) FROM pur_order");
        refused(DmsException.Kind.INVALID_INPUT, "lines[1].unitPrice", "price.unknown",
                () -> orders.create(new PurchaseOrderDraft(s.id(), central.id(), null, null, List.of(
                        new PurchaseOrderLineDraft(a.id(), null, q("1"), null, null),
                        new PurchaseOrderLineDraft(b.id(), null, q("1"), null, null))), CLERK));
        refused(DmsException.Kind.INVALID_INPUT, "lines[0].quantity", "whole_units",
                () -> orders.create(new PurchaseOrderDraft(s.id(), central.id(), null, null,
                        List.of(new PurchaseOrderLineDraft(a.id(), null, q("1.5"), null, null))), CLERK));
        assertEquals(before, db.count("SELECT COUNT(*) FROM pur_order"));
    }

    // ---- receiving

    @Test
    void aPartialReceiptPutsStockUpRecordsThePriceDifferenceAndTheRestCompletesTheOrder() {
        Supplier s = newSupplier("S");
        Part a = newPart();
        Part b = newPart();
        PurchaseOrder o = sentOrder(s, a, b);
        assertEquals(PurchaseOrderStatus.SENT, o.status());
        assertEquals(clock.today().plusDays(3), o.expectedDate());
        // 6 of a at the ordered 100, 10 of b invoiced at 210 instead of 200
        Receipt r = orders.receive(o.id(), o.version(), new ReceiptDraft("DN-778", null, List.of(
                new ReceiptLineDraft(o.lines().get(0).id(), null, q("6"), null, null, null, null),
                new ReceiptLineDraft(null, b.number().printed().toLowerCase(), q("10"), q("210"), null, null, null))),
                CLERK);
        assertTrue(r.number().startsWith("GR" + clock.today().toString().replace("-", "") + "-"), r.number());
        assertEquals(q("2700.00"), r.amount());
        assertEquals(q("100.00"), r.priceDifference());
        assertEquals(q("0.00"), r.lines().get(0).priceDifference());
        assertEquals(q("100.00"), r.lines().get(1).priceDifference());
        assertEquals(0, q("6").compareTo(onHand(a)));
        assertEquals(0, q("10").compareTo(onHand(b)));
        // the ledger row carries the received price as its cost
        assertEquals(0, q("210").compareTo(stock(b).averageCost()));
        assertEquals(1, ledgerRows(a));
        assertTrue(r.lines().get(0).ledgerEntryId() > 0);
        PurchaseOrder partly = orders.get(o.id());
        assertEquals(PurchaseOrderStatus.PARTLY_RECEIVED, partly.status());
        assertEquals(0, q("4").compareTo(partly.lines().get(0).open()));

        // more than is open: refused, nothing moves
        refused(DmsException.Kind.INVALID_INPUT, "lines[0].quantity", "receipt.over_quantity",
                () -> orders.receive(o.id(), partly.version(), new ReceiptDraft(null, null, List.of(
                        new ReceiptLineDraft(o.lines().get(0).id(), null, q("5"), null, null, null, null))), CLERK));
        assertEquals(0, q("6").compareTo(onHand(a)));

        orders.receive(o.id(), partly.version(), new ReceiptDraft(null, null, List.of(
                new ReceiptLineDraft(null, a.number().printed(), q("4"), null, null, null, null))), CLERK);
        PurchaseOrder done = orders.get(o.id());
        assertEquals(PurchaseOrderStatus.RECEIVED, done.status());
        assertEquals(2, orders.receipts(o.id()).size());
        assertEquals(0, q("10").compareTo(onHand(a)));
        assertTrue(told.stream().anyMatch(e -> e.purchaseOrderId() == o.id() && e.status().equals("RECEIVED")));
        refused(DmsException.Kind.CONFLICT, "status", "po.status", () -> orders.cancel(o.id(), done.version(), "不要了",
                CLERK));
    }

    @Test
    void aReceiptIsAllOrNothingWhenTheLedgerRefusesALine() {
        Supplier s = newSupplier("S");
        Part a = newPart();
        Part b = newPart();
        PurchaseOrder o = sentOrder(s, a, b);
        Warehouse other = parts.warehouses().create("MD" + NUMBERS.incrementAndGet() % 100, "门店库",
                WarehouseKind.SHOP, CLERK);
        Bin elsewhere = parts.warehouses().addBin(other.id(), null, "B", "01", "1", CLERK);
        long rows = db.count("SELECT COUNT(*) FROM pt_movement");
        // the second line names a bin of another warehouse: the ledger refuses it after the first was checked
        assertThrows(DmsException.class, () -> orders.receive(o.id(), o.version(), new ReceiptDraft(null, null,
                List.of(new ReceiptLineDraft(o.lines().get(0).id(), null, q("3"), null, null, null, null),
                        new ReceiptLineDraft(o.lines().get(1).id(), null, q("3"), null, elsewhere.id(), null, null))),
                CLERK));
        assertEquals(rows, db.count("SELECT COUNT(*) FROM pt_movement"));
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(a)));
        PurchaseOrder same = orders.get(o.id());
        assertEquals(PurchaseOrderStatus.SENT, same.status());
        assertEquals(o.version(), same.version());
        assertEquals(0, db.count("SELECT COUNT(*) FROM pur_receipt WHERE order_id = " + o.id()));
    }

    @Test
    void aRefusedReceiptTakesNoNumberNotEvenTheDaysFirst() {
        Supplier s = newSupplier("S");
        Part a = newPart();
        Part b = newPart();
        PurchaseOrder o = sentOrder(s, a, b);
        // a day on which nothing was numbered yet: its counter row does not exist
        clock.forward(Duration.ofDays(400));
        try {
            String counters = "SELECT COUNT(*) FROM pur_counter";
            String given = "SELECT COALESCE(SUM(last_value), 0) FROM pur_counter";
            long rows = db.count(counters);
            long numbers = db.count(given);
            ReceiptDraft tooMany = new ReceiptDraft(null, null, List.of(
                    new ReceiptLineDraft(o.lines().get(0).id(), null, q("11"), null, null, null, null)));
            refused(DmsException.Kind.INVALID_INPUT, "lines[0].quantity", "receipt.over_quantity",
                    () -> orders.receive(o.id(), o.version(), tooMany, CLERK));
            ReceiptDraft three = new ReceiptDraft(null, null, List.of(
                    new ReceiptLineDraft(o.lines().get(0).id(), null, q("3"), null, null, null, null)));
            refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                    () -> orders.receive(o.id(), o.version() + 1, three, CLERK));
            assertEquals(rows, db.count(counters), "a refused receipt made the day's counter");
            assertEquals(numbers, db.count(given), "a refused receipt took a number");
            // and the day's first accepted receipt is its number 1
            assertTrue(orders.receive(o.id(), o.version(), three, CLERK).number().endsWith("-0001"));
        } finally {
            clock.forward(Duration.ofDays(-400));
        }
    }

    @Test
    void aCrashAfterTheLedgerPostedLeavesNothingOfTheReceipt() {
        Supplier s = newSupplier("S");
        Part a = newPart();
        Part b = newPart();
        PurchaseOrder o = sentOrder(s, a, b);
        long rows = db.count("SELECT COUNT(*) FROM pt_movement");
        failAuditOf = "goods-receipt";
        try {
            assertThrows(IllegalStateException.class, () -> orders.receive(o.id(), o.version(), new ReceiptDraft(null,
                    null, List.of(new ReceiptLineDraft(o.lines().get(0).id(), null, q("10"), null, null, null, null),
                            new ReceiptLineDraft(o.lines().get(1).id(), null, q("10"), null, null, null, null))),
                    CLERK));
        } finally {
            failAuditOf = null;
        }
        assertEquals(rows, db.count("SELECT COUNT(*) FROM pt_movement"));
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(a)));
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(b)));
        assertEquals(PurchaseOrderStatus.SENT, orders.get(o.id()).status());
        // and the same receipt goes through once the fault is gone
        orders.receive(o.id(), o.version(), new ReceiptDraft(null, null, List.of(
                new ReceiptLineDraft(o.lines().get(0).id(), null, q("10"), null, null, null, null))), CLERK);
        assertEquals(0, q("10").compareTo(onHand(a)));
    }

    @Test
    void aSentOrderGoesToTheSuppliersGatewayAndADraftCannotBeReceived() {
        Supplier edi = newSupplier("EDI");
        Part a = newPart();
        Part b = newPart();
        PurchaseOrder draft = orders.create(new PurchaseOrderDraft(edi.id(), central.id(), null, null,
                List.of(new PurchaseOrderLineDraft(a.id(), null, q("1"), q("1"), null))), CLERK);
        refused(DmsException.Kind.CONFLICT, "status", "po.status", () -> orders.receive(draft.id(), draft.version(),
                new ReceiptDraft(null, null, List.of(new ReceiptLineDraft(null, a.number().printed(), q("1"), null,
                        null, null, null))),
                CLERK));
        PurchaseOrder sent = orders.send(draft.id(), draft.version(), CLERK);
        assertTrue(transmitted.contains(sent.number()));
        PurchaseOrder cancelled = orders.cancel(sent.id(), sent.version(), "供应商缺货", CLERK);
        assertEquals(PurchaseOrderStatus.CANCELLED, cancelled.status());
        assertEquals("供应商缺货", cancelled.reason());
        assertNull(stock(b));
    }

    // ---- suggestions

    @Test
    void theSuggestionProposesTheReorderFromTheCheapestSupplierAndOneStepMakesTheOrder() {
        Supplier dear = newSupplier("S");
        Supplier cheap = newSupplier("S");
        Part p = newPart();
        suppliers.setPrices(dear.id(), List.of(new SupplierPriceDraft(p.id(), null, null, q("130"), null, null)),
                CLERK);
        suppliers.setPrices(cheap.id(), List.of(new SupplierPriceDraft(p.id(), null, null, q("120"), null, null)),
                CLERK);
        parts.ledger().post(MovementDraft.receipt(p.id(), central.id(), null, q("2"), q("120"), "OPENING"), CLERK);
        parts.stock().setLimits(p.id(), central.id(), new StockLimits(q("4"), q("20"), q("5")), CLERK);

        OrderSuggestion s = suggestions.suggest(central.id(), CLERK).stream().filter(x -> x.partId() == p.id())
                .findFirst().orElseThrow();
        assertEquals(0, q("18").compareTo(s.quantity()), s.toString());
        assertEquals(cheap.id(), s.supplierId());
        assertEquals(0, q("120").compareTo(s.unitPrice()));

        PurchaseOrder o = suggestions.toPurchaseOrder(central.id(), cheap.id(), List.of(new SuggestedLine(p.id(),
                null)), CLERK);
        assertEquals(PurchaseOrderStatus.DRAFT, o.status());
        assertEquals(0, q("18").compareTo(o.lines().get(0).quantity()));
        assertEquals(0, q("120").compareTo(o.lines().get(0).unitPrice()));
        // once sent, the quantity is on order and nothing more is suggested
        orders.send(o.id(), o.version(), CLERK);
        assertTrue(suggestions.suggest(central.id(), CLERK).stream().noneMatch(x -> x.partId() == p.id()));
    }

    @Test
    void theDemandForecastOfAPartIsMeasuredOnItsOwnMonths() {
        Part lumpy = newPart();
        Part steady = newPart();
        Warehouse w = parts.warehouses().byCode("ZK").orElseThrow();
        parts.ledger().post(MovementDraft.receipt(lumpy.id(), w.id(), null, q("200"), q("300"), "OPENING"), CLERK);
        parts.ledger().post(MovementDraft.receipt(steady.id(), w.id(), null, q("200"), q("40"), "OPENING"), CLERK);
        Instant now = clock.now();
        YearMonth thisMonth = YearMonth.from(clock.today());
        long line = 1;
        // two years back: 6 discs in every third month; pads 5 a month over the last year, 1 returned last month
        for (int back = 24; back >= 1; back--) {
            YearMonth m = thisMonth.minusMonths(back);
            at(m.atDay(15).atTime(10, 0).atZone(clock.zone()).toInstant());
            if ((24 - back) % 3 == 0) {
                parts.ledger().post(MovementDraft.issue(lumpy.id(), w.id(), null, q("6"), 9500, line++), CLERK);
            }
            if (back <= 12) {
                parts.ledger().post(MovementDraft.issue(steady.id(), w.id(), null, q("5"), 9600, line), CLERK);
                if (back == 1) {
                    parts.ledger().post(MovementDraft.returned(steady.id(), w.id(), null, q("1"), 9600, line,
                            "多领"), CLERK);
                }
                line++;
            }
        }
        at(now);
        // the first of this month at midnight counts in this month, not the last
        at(thisMonth.atDay(1).atStartOfDay(clock.zone()).toInstant());
        parts.ledger().post(MovementDraft.issue(lumpy.id(), w.id(), null, q("50"), 9500, line++), CLERK);
        at(now);

        List<PartDemand> demand = suggestions.demand(w.id(), CLERK);
        PartDemand d = demand.stream().filter(x -> x.partId() == lumpy.id()).findFirst().orElseThrow();
        assertEquals(24, d.months().size());
        assertEquals(thisMonth.minusMonths(1), d.months().get(23));
        assertEquals(0, q("6").compareTo(d.monthly().get(0)), d.toString());
        assertEquals(0, q("0").compareTo(d.monthly().get(1)), d.toString());
        assertEquals(0, q("6").compareTo(d.monthly().get(21)), d.toString());
        assertEquals("CROSTON_SBA", d.method());
        assertEquals(0, q("1.85").compareTo(d.forecast()), d.toString());
        assertEquals(0, q("2.62").compareTo(d.error()), d.toString());
        assertEquals(12, d.backtestMonths());

        PartDemand s = demand.stream().filter(x -> x.partId() == steady.id()).findFirst().orElseThrow();
        assertEquals(0, q("4").compareTo(s.monthly().get(23)), "issues less returns: " + s);
        assertEquals("MOVING_AVERAGE_3", s.method());
        assertEquals(0, q("4.67").compareTo(s.forecast()), s.toString());
        // nine months measured (three to start the average): one wrong by 1
        assertEquals(9, s.backtestMonths());
        assertEquals(0, q("0.11").compareTo(s.error()), s.toString());
        assertEquals(demand.stream().map(PartDemand::partNumber).sorted().toList(),
                demand.stream().map(PartDemand::partNumber).toList());

        // the disc is replaced by a new number: asked again in the same month, its two years count for the new one
        Part successor = newPart();
        parts.catalogue().supersede(lumpy.id(), SupersessionDraft.replacedBy(successor.number().printed(), null),
                CLERK);
        List<PartDemand> after = suggestions.demand(w.id(), CLERK);
        PartDemand moved = after.stream().filter(x -> x.partId() == successor.id()).findFirst().orElseThrow();
        assertEquals(d.monthly(), moved.monthly());
        assertEquals(0, q("1.85").compareTo(moved.forecast()), moved.toString());
        assertTrue(after.stream().filter(x -> x.partId() == lumpy.id()).allMatch(x -> x.forecast().signum() == 0),
                "the replaced number keeps no demand");

        DmsException refused = assertThrows(DmsException.class, () -> suggestions.demand(w.id(), ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, refused.kind());
        assertEquals(DmsException.Kind.NOT_FOUND,
                assertThrows(DmsException.class, () -> suggestions.demand(987654321L, CLERK)).kind());
    }

    private void at(Instant instant) {
        clock.forward(Duration.between(clock.now(), instant));
    }

    // ---- alerts and analysis

    @Test
    void alertsDeadStockAndAbcFollowTheStockAndTheIssues() {
        Part low = newPart();
        Part high = newPart();
        Part fast = newPart();
        parts.ledger().post(MovementDraft.receipt(low.id(), central.id(), null, q("1"), q("10"), "OPENING"), CLERK);
        parts.ledger().post(MovementDraft.receipt(high.id(), central.id(), null, q("50"), q("10"), "OPENING"), CLERK);
        parts.ledger().post(MovementDraft.receipt(fast.id(), central.id(), null, q("100"), q("50"), "OPENING"), CLERK);
        parts.stock().setLimits(low.id(), central.id(), new StockLimits(q("3"), null, null), CLERK);
        parts.stock().setLimits(high.id(), central.id(), new StockLimits(null, q("30"), null), CLERK);
        List<StockLevelAlert> alerts = analysis.alerts(central.id(), 30, MANAGER);
        assertTrue(
                alerts.stream().anyMatch(a -> a.partId() == low.id() && a.kind() == StockLevelAlert.Kind.BELOW_MINIMUM
                        && a.value().compareTo(q("10.00")) == 0),
                alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.partId() == high.id()
                && a.kind() == StockLevelAlert.Kind.ABOVE_MAXIMUM));
        // the parts clerk sees the alert, not its value
        assertTrue(analysis.alerts(central.id(), 30, CLERK).stream().filter(a -> a.partId() == low.id())
                .allMatch(a -> a.value() == null) || parts.permissions().allows(CLERK, "parts.cost.read"));

        // 7 months later, only the fast part has moved
        clock.forward(Duration.ofDays(210));
        parts.ledger().post(MovementDraft.issue(fast.id(), central.id(), null, q("40"), 9001, 1), CLERK);
        List<DeadStock> dead = analysis.deadStock(central.id(), 6, MANAGER);
        assertTrue(dead.stream().anyMatch(d -> d.partId() == high.id() && d.value().compareTo(q("500.00")) == 0));
        assertTrue(dead.stream().noneMatch(d -> d.partId() == fast.id()));

        parts.ledger().post(MovementDraft.issue(low.id(), central.id(), null, q("1"), 9002, 2), CLERK);
        AbcClassification abc = analysis.classify(12, MANAGER);
        assertEquals('A', abc.parts().stream().filter(c -> c.partId() == fast.id()).findFirst().orElseThrow()
                .abcClass());
        assertEquals('C', abc.parts().stream().filter(c -> c.partId() == high.id()).findFirst().orElseThrow()
                .abcClass());
        assertEquals(0, q("2000.00").compareTo(abc.parts().stream().filter(c -> c.partId() == fast.id()).findFirst()
                .orElseThrow().consumptionValue()));
        assertEquals(abc.computedAt(), analysis.classification(MANAGER).orElseThrow().computedAt());
    }
}
