package org.opendms.parts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.figures.PartsFigureSheet;
import org.opendms.parts.impl.purchasing.MovableClock;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.testing.TestDatabase;

/**
 * The parts figures of December 2026 on a real database, from a story a user can follow with a pencil: two parts
 * bought in November, two work-order lines in December (one filled at once, one short and ordered for the car), issues
 * and a return, a receipt at a new price; a line reserved in January is not December's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FiguresContract {

    static final Actor CLERK = new Actor("zhang.parts", Set.of("parts"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    TestDatabase db;
    PartsServicesForTests parts;
    JpaPartsFigures figures;
    Warehouse central;
    Warehouse shop;

    abstract TestDatabase database();

    @BeforeAll
    void story() {
        db = database();
        // 30 November 2026, 10:00 in Shanghai
        MovableClock clock = new MovableClock(Instant.parse("2026-11-30T02:00:00Z"));
        parts = PartsServicesForTests.on(db, clock);
        figures = new JpaPartsFigures();
        figures.ctx = parts.context();
        central = parts.warehouses().byCode("zk").orElseThrow();
        shop = parts.warehouses().create("FG01", "指标门店库", WarehouseKind.SHOP, CLERK);
        Part filter = parts.catalogue().add(PartDraft.of("FIG-FILTER", "机油滤清器", "个", "45"), CLERK);
        Part pads = parts.catalogue().add(PartDraft.of("FIG-PADS", "前刹车片", "套", "480"), CLERK);

        // 30 Nov: 10 filters at 20.00 (200.00) and 5 pad sets at 100.00 (500.00): December opens at 700.00
        post(MovementDraft.receipt(filter.id(), central.id(), null, q("10"), q("20.00"), "PO-11"));
        post(MovementDraft.receipt(pads.id(), central.id(), null, q("5"), q("100.00"), "PO-12"));

        // 1 Dec: line 1 of work order 9001 asks 4 filters, all there: filled at once; issued (80.00)
        clock.forward(Duration.ofDays(1));
        parts.reservations().reserve(filter.id(), central.id(), q("4"), 9001, 1, true, CLERK);
        post(MovementDraft.issue(filter.id(), central.id(), null, q("4"), 9001, 1));

        // 2 Dec: line 2 of work order 9002 asks 8 pad sets, 5 there: short 3, ordered for the car; 5 issued (500.00)
        clock.forward(Duration.ofDays(1));
        parts.reservations().reserve(pads.id(), central.id(), q("8"), 9002, 2, true, CLERK);
        orderedForWorkOrder(9002, 2, "FIG-PADS", "3", clock);
        orderedForWorkOrder(9002, 2, "FIG-PADS", "1", clock); // a second order for the same line counts once
        post(MovementDraft.issue(pads.id(), central.id(), null, q("5"), 9002, 2));

        // 3 Dec: one filter comes back from line 1 (-20.00); 10 filters received at 26.00
        clock.forward(Duration.ofDays(1));
        post(MovementDraft.returned(filter.id(), central.id(), null, q("1"), 9001, 1, "多领"));
        post(MovementDraft.receipt(filter.id(), central.id(), null, q("10"), q("26.00"), "PO-13"));
        // line 1 reserved again the same month: still one line requested
        parts.reservations().reserve(filter.id(), central.id(), q("0"), 9001, 1, true, CLERK);

        // 1 Jan 2027: a line reserved and issued in January is not December's
        clock.forward(Duration.ofDays(29));
        parts.reservations().reserve(filter.id(), central.id(), q("2"), 9003, 3, true, CLERK);
        post(MovementDraft.issue(filter.id(), central.id(), null, q("2"), 9003, 3));
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void decemberFiguresAddUpByHand() {
        PartsFigureSheet d = figures.figures(DEC_1, DEC_31, null, MANAGER);
        assertEquals(2, d.linesRequested(), "lines 9001/1 and 9002/2");
        assertEquals(1, d.linesFilledAtOnce(), "9001/1 got its 4 at once; 9002/2 was 3 short");
        assertEquals(1, d.linesOrderedUrgently(), "9002/2, ordered twice");
        assertEquals(new BigDecimal("0.5000"), d.fillRate());
        assertEquals(new BigDecimal("0.5000"), d.urgentOrderRate());
        // 4 × 20.00 + 5 × 100.00 − 1 × 20.00
        assertEquals(new BigDecimal("560.00"), d.costOfPartsIssued());
        // 10 × 20.00 + 5 × 100.00
        assertEquals(new BigDecimal("700.00"), d.openingValue());
        // filters: 7 at 20.00 + 10 at 26.00 = 17 at 23.5294 = 400.00; pads: none left
        assertEquals(new BigDecimal("400.00"), d.closingValue());
        assertEquals(new BigDecimal("550.00"), d.averageInventoryValue());
        // 560.00 ÷ 550.00
        assertEquals(new BigDecimal("1.0182"), d.turnover());
    }

    @Test
    void theClerkSeesTheSameFiguresAndAnAdvisorNone() {
        assertEquals(figures.figures(DEC_1, DEC_31, null, MANAGER), figures.figures(DEC_1, DEC_31, null, CLERK));
        DmsException e = assertThrows(DmsException.class, () -> figures.figures(DEC_1, DEC_31, null, ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
    }

    @Test
    void aWarehouseCountsOnlyItsOwnLinesAndStock() {
        PartsFigureSheet central = figures.figures(DEC_1, DEC_31, List.of(this.central.id()), MANAGER);
        assertEquals(figures.figures(DEC_1, DEC_31, null, MANAGER).costOfPartsIssued(), central.costOfPartsIssued());
        assertEquals(1, central.linesOrderedUrgently());
        PartsFigureSheet shop = figures.figures(DEC_1, DEC_31, List.of(this.shop.id()), MANAGER);
        assertEquals(0, shop.linesRequested());
        assertEquals(0, shop.linesOrderedUrgently());
        assertNull(shop.fillRate(), "nothing requested: no rate rather than 0 %");
        assertEquals(new BigDecimal("0.00"), shop.averageInventoryValue());
        assertNull(shop.turnover());
    }

    @Test
    void januaryHasItsOwnLineAndOpensAtDecembersClose() {
        PartsFigureSheet jan = figures.figures(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), null, MANAGER);
        assertEquals(1, jan.linesRequested());
        assertEquals(1, jan.linesFilledAtOnce());
        assertEquals(new BigDecimal("400.00"), jan.openingValue());
        // 2 filters at 23.5294
        assertEquals(new BigDecimal("47.06"), jan.costOfPartsIssued());
    }

    @Test
    void refusesAPeriodBackwardsTooLongOrAnUnknownWarehouse() {
        DmsException back = assertThrows(DmsException.class, () -> figures.figures(DEC_31, DEC_1, null, MANAGER));
        assertTrue(back.violations().stream().anyMatch(v -> v.field().equals("to")));
        DmsException missing = assertThrows(DmsException.class, () -> figures.figures(null, DEC_1, null, MANAGER));
        assertTrue(missing.violations().stream().anyMatch(v -> v.field().equals("from")));
        DmsException longer = assertThrows(DmsException.class,
                () -> figures.figures(DEC_1, DEC_1.plusYears(4), null, MANAGER));
        assertTrue(longer.violations().stream().anyMatch(v -> v.field().equals("to")));
        DmsException unknown = assertThrows(DmsException.class,
                () -> figures.figures(DEC_1, DEC_31, List.of(999999L), MANAGER));
        assertTrue(unknown.violations().stream().anyMatch(v -> v.field().equals("warehouseId")));
        // a missing day and an unknown warehouse in one request: both named at once, so the clerk fixes both
        DmsException both = assertThrows(DmsException.class,
                () -> figures.figures(null, DEC_31, List.of(central.id(), 999999L), MANAGER));
        assertEquals(Set.of("from", "warehouseId"),
                both.violations().stream().map(v -> v.field()).collect(java.util.stream.Collectors.toSet()));
    }

    private void post(MovementDraft line) {
        parts.ledger().post(line, CLERK);
    }

    /** A part ordered for a work-order line, the row the work-order link writes when the clerk orders it. */
    private void orderedForWorkOrder(long workOrder, long line, String number, String quantity, MovableClock clock) {
        parts.context().jpa.tx(em -> em
                .createNativeQuery("INSERT INTO pt_wo_order (work_order_id, line_id, part_number,"
                        + " part_key, quantity, status, ordered_by, ordered_at) VALUES (?, ?, ?, ?, ?, 'OPEN', 'zhang.parts', ?)")
                .setParameter(1, workOrder).setParameter(2, line).setParameter(3, number).setParameter(4, number)
                .setParameter(5, q(quantity)).setParameter(6, Timestamp.valueOf(Stored.utc(clock.now())))
                .executeUpdate());
    }

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }
}
