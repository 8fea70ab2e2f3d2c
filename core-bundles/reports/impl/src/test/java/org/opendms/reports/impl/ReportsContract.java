package org.opendms.reports.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.reports.impl.ShopMonth.at;
import static org.opendms.reports.impl.ShopMonth.d;
import static org.opendms.reports.impl.ShopMonth.labour;
import static org.opendms.reports.impl.ShopMonth.part;
import static org.opendms.reports.impl.ShopMonth.visit;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.reports.api.CalendarDay;
import org.opendms.reports.api.DrillRow;
import org.opendms.reports.api.Granularity;
import org.opendms.reports.api.KpiPack;
import org.opendms.reports.api.MonthResources;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.RevenueReport;
import org.opendms.reports.api.TechnicianFigures;
import org.opendms.reports.api.TechnicianResource;
import org.opendms.reports.api.Trade;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * December 2026 of a small shop, on a real database migrated by the real changelog, with the real audit trail and
 * permission table: six visits and seven documents (one reversed and settled again) projected as the projection does
 * it, then the pack, revenue, technicians and drill-downs read back and compared with the figures worked out by hand
 * in the comments (the FAW manual's formulas, ../shared/domain.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {

    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Period DECEMBER = Period.of(YearMonth.of(2026, 12));

    TestDatabase db;
    JpaShopResources resources;
    JpaAlerts alerts;
    final List<org.opendms.reports.api.Alert> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    JpaReports reports;
    WorkOrder v1;

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        var clock = TestShopClock.fixed(Instant.parse("2027-01-05T02:00:00Z"));
        var permissions = TestPermissions.of();
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        db.migrate("db/org.opendms.reports.impl/changelog.xml");
        resources = new JpaShopResources();
        resources.jpa = db.jpa("dms-reports");
        resources.clock = clock;
        resources.permissions = permissions;
        resources.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions);
        reports = new JpaReports();
        reports.jpa = resources.jpa;
        reports.permissions = permissions;
        reports.resources = resources;
        alerts = new JpaAlerts();
        alerts.jpa = resources.jpa;
        alerts.clock = clock;
        alerts.permissions = permissions;
        alerts.audit = resources.audit;
        alerts.listeners = List.of(new org.opendms.reports.api.event.ReportsListener() {
            @Override
            public void alertRaised(org.opendms.reports.api.event.AlertEvent event) {
                heard.add(event.alert());
            }
        });
        month();
        // D = 27 Monday-to-Saturday days of December 2026 less the holiday on the 31st = 26; B = 4 + 1 + 1 = 6; T = 3
        resources.enter(new MonthResources(YearMonth.of(2026, 12), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                d("8"), Map.of(Trade.MECHANICAL, 4, Trade.BODY, 1, Trade.PAINT, 1),
                List.of(new TechnicianResource("wang.tech", Trade.MECHANICAL, d("6000.00")),
                        new TechnicianResource("li.tech", Trade.MECHANICAL, d("5000.00")),
                        new TechnicianResource("zhao.tech", Trade.BODY, d("7000.00"))),
                d("0.15"), null, null), MANAGER);
        resources.mark(new CalendarDay(LocalDate.of(2026, 12, 31), false, "元旦调休"), MANAGER);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    private void project(WorkOrder wo, Instant completedAt, List<ClockEntry> clocks) {
        VisitFact f = VisitFact.of(wo, clocks, completedAt, ShopMonth.SHANGHAI);
        resources.jpa.tx(em -> {
            FactStore.replace(em, f, LocalDateTime.of(2027, 1, 5, 2, 0));
            DaySummaries.summarisePending(em);
        });
    }

    private void project(Settlement s, WorkOrder wo) {
        DocumentFact f = DocumentFact.of(s, wo, ShopMonth.SHANGHAI);
        resources.jpa.tx(em -> {
            FactStore.replace(em, f);
            DaySummaries.summarisePending(em);
        });
    }

    /** The month, visit by visit. */
    private void month() {
        Set<VisitType> maintenance = Set.of(VisitType.MAINTENANCE);
        // V0: opened in November, completed there, delivered and settled on 1 December: 200 labour, 400 parts (cost 250)
        WorkOrder v0 = visit(10, maintenance, "2026-11-28T09:00", WorkOrderStatus.DELIVERED, at("2026-12-01T18:00"),
                at("2026-12-01T10:00"), true, null, List.of(labour("2.0", "2.0"), part("400.00", "250.00")));
        project(v0, at("2026-11-30T16:00"), List.of());
        project(ShopMonth.document(100, v0, Payer.CUSTOMER, "2026-12-01T10:00", null), v0);
        // V1: maintenance on 2 December, 1.5 h sold, 1.0 h clocked by wang; oil 300 (cost 200)
        Line l1 = labour("1.5", "1.0");
        v1 = visit(11, maintenance, "2026-12-02T08:30", WorkOrderStatus.DELIVERED, at("2026-12-02T17:00"),
                at("2026-12-02T16:00"), true, null, List.of(l1, part("300.00", "200.00")));
        project(v1, at("2026-12-02T15:00"),
                List.of(ShopMonth.clock(v1, l1, "wang.tech", "2026-12-02T09:00", "2026-12-02T10:00")));
        project(ShopMonth.document(101, v1, Payer.CUSTOMER, "2026-12-02T16:00", null), v1);
        // V2: general repair, 3 h sold, wang and li 2 h each (1.5 h and 150 yuan each); parts 500 (cost 350);
        // delivered late; settled for 800, reversed on the 22nd and settled again for 750 (labour 250)
        Line l2 = labour("3.0", "4.0");
        WorkOrder v2 = visit(12, Set.of(VisitType.GENERAL_REPAIR), "2026-12-05T10:00", WorkOrderStatus.DELIVERED,
                at("2026-12-06T18:00"), at("2026-12-07T09:00"), false, null, List.of(l2, part("500.00", "350.00")));
        project(v2, at("2026-12-06T17:00"),
                List.of(ShopMonth.clock(v2, l2, "wang.tech", "2026-12-05T13:00", "2026-12-05T15:00"),
                        ShopMonth.clock(v2, l2, "li.tech", "2026-12-06T09:00", "2026-12-06T11:00")));
        Settlement first = ShopMonth.document(102, v2, Payer.CUSTOMER, "2026-12-07T09:00", null);
        project(first, v2);
        project(ShopMonth.document(103, v2, Payer.CUSTOMER, "2026-12-22T11:00", first), v2);
        WorkOrder v2cheaper = visit(12, Set.of(VisitType.GENERAL_REPAIR), "2026-12-05T10:00",
                WorkOrderStatus.DELIVERED, null, null, null, null, List.of(labour("2.5", null), v2.jobs().get(0)
                        .lines().get(1)));
        project(ShopMonth.document(104, v2cheaper, Payer.CUSTOMER, "2026-12-22T11:05", null), v2);
        // V3: accident and insurance, 10 h sold, 8 h clocked by zhao; parts 2000 (cost 1500); the insurer pays 3000
        Line l3 = labour("10.0", "8.0");
        WorkOrder v3 = visit(13, Set.of(VisitType.ACCIDENT, VisitType.INSURANCE), "2026-12-10T09:00",
                WorkOrderStatus.DELIVERED, at("2026-12-16T18:00"), at("2026-12-16T10:00"), true, null,
                List.of(l3, part("2000.00", "1500.00")));
        project(v3, at("2026-12-15T17:00"),
                List.of(ShopMonth.clock(v3, l3, "zhao.tech", "2026-12-11T09:00", "2026-12-11T17:00")));
        project(ShopMonth.document(105, v3, Payer.INSURER, "2026-12-16T10:00", null), v3);
        // V4: a comeback of V1 on the 20th: 1 h sold, 1.5 h clocked by wang, the shop bears it (goodwill 100)
        Line l4 = labour("1.0", "1.5");
        WorkOrder v4 = visit(14, maintenance, "2026-12-20T09:00", WorkOrderStatus.DELIVERED, at("2026-12-21T12:00"),
                at("2026-12-21T11:00"), true, 11L, List.of(l4));
        project(v4, at("2026-12-21T10:00"),
                List.of(ShopMonth.clock(v4, l4, "wang.tech", "2026-12-20T10:00", "2026-12-20T11:30")));
        project(ShopMonth.document(106, v4, Payer.GOODWILL, "2026-12-21T11:00", null), v4);
        // V5: cancelled (not a vehicle in); V6: maintenance still in repair at the end of the month
        project(visit(15, Set.of(VisitType.GENERAL_REPAIR), "2026-12-28T09:00", WorkOrderStatus.CANCELLED, null, null,
                null, null, List.of(labour("1.0", null))), null, List.of());
        project(visit(16, maintenance, "2026-12-30T09:00", WorkOrderStatus.IN_REPAIR, null, null, null, null,
                List.of(labour("1.0", "0.5"))), null, List.of());
    }

    @Test
    void theKpiPackOfTheMonthMatchesTheHandCalculation() {
        KpiPack pack = reports.kpis(DECEMBER, MANAGER);
        assertEquals(26, pack.workingDays());
        assertEquals(d("6.00"), pack.bays());
        assertEquals(d("3.00"), pack.technicians());
        // vehicles in: V1, V2, V3, V4, V6 (V0 came in November, V5 was cancelled)
        assertEquals(d("5"), pack.kpi("vehicles_in").value());
        assertEquals(d("3"), pack.kpi("visits_maintenance").value());
        assertEquals(d("1"), pack.kpi("visits_insurance").value());
        // 5 ÷ 26 ÷ 6 = 0.0321; 14.5 h clocked ÷ (6 × 26 × 8 = 1248) = 0.0116
        assertEquals(d("0.0321"), pack.kpi("bay_turnover").value());
        assertEquals(d("0.0116"), pack.kpi("bay_utilisation").value());
        assertEquals(d("0.0641"), pack.kpi("vehicles_per_technician_day").value());
        assertEquals(d("2.0000"), pack.kpi("bays_per_technician").value());
        // completed in December: V1, V2, V3, V4: sold 1.5 + 3 + 10 + 1 = 15.5, clocked 1 + 4 + 8 + 1.5 = 14.5
        assertEquals(d("1.0690"), pack.kpi("productivity").value());
        assertEquals(Map.of("收费工时 sold hours", d("15.50"), "实际工时 actual hours", d("14.50")),
                pack.kpi("productivity").inputs());
        // available hours 3 × 26 × 8 = 624
        assertEquals(d("0.0232"), pack.kpi("labour_utilisation").value());
        assertEquals(d("0.0248"), pack.kpi("labour_efficiency").value());
        // labour settled 200 + 150 + 300 + 1000 + 100 − 300 + 250 = 1700 ÷ wages 18000
        assertEquals(d("0.0944"), pack.kpi("labour_revenue_to_wages").value());
        // parts 400 + 300 + 500 + 2000 − 500 + 500 = 3200; (1700 + 3200) ÷ 6 bays
        assertEquals(d("816.67"), pack.kpi("revenue_per_bay").value());
        // 4900 ÷ 5 settled vehicles (V0–V4); customer: 1900 ÷ 4 (V3 is the insurer's)
        assertEquals(d("980.00"), pack.kpi("ticket_per_vehicle").value());
        assertEquals(d("475.00"), pack.kpi("ticket_per_customer").value());
        assertEquals(d("383.33"), pack.kpi("ticket_maintenance").value());
        assertEquals(d("750.00"), pack.kpi("ticket_general_repair").value());
        assertEquals(d("3000.00"), pack.kpi("ticket_accident").value());
        // one comeback (V4) of five vehicles in
        assertEquals(d("0.2000"), pack.kpi("comeback_rate").value());
        assertEquals(d("0.8000"), pack.kpi("first_time_fix").value());
        // delivered in December with a promise: V0, V1, V2 (late), V3, V4
        assertEquals(d("0.8000"), pack.kpi("on_time_delivery").value());
        assertEquals("返修台次 ÷ 进厂台数", pack.kpi("comeback_rate").formulaZh());
    }

    @Test
    void aKpiWhoseInputsAreMissingSaysWhichInsteadOfZero() {
        KpiPack pack = reports.kpis(DECEMBER, MANAGER);
        // November had no resources entered: the previous period's bay turnover cannot be computed
        assertNull(pack.kpi("bay_turnover").previous());
        assertEquals(d("1"), pack.kpi("vehicles_in").previous());
        // a year earlier nothing came in: 0 vehicles, and no comeback rate (nothing to divide by)
        assertEquals(d("0"), pack.kpi("vehicles_in").lastYear());
        assertNull(pack.kpi("comeback_rate").lastYear());
        KpiPack november = reports.kpis(Period.of(YearMonth.of(2026, 11)), MANAGER);
        assertNull(november.kpi("bay_turnover").value());
        assertTrue(november.kpi("bay_turnover").missing().get(0).contains("2026-11"),
                november.kpi("bay_turnover").missing().toString());
        assertNull(pack.kpi("warranty_claim_accuracy").value());
        assertTrue(pack.kpi("warranty_claim_accuracy").missing().get(0).contains("索赔"));
        // no parts module on this database: said, not zero
        assertNull(pack.kpi("parts_fill_rate").value());
        assertTrue(pack.kpi("parts_fill_rate").missing().get(0).contains("备件"));
    }

    @Test
    void revenueByPayerTypeAndWeekWithMarginsAndTheReversalOnItsOwnDay() {
        RevenueReport month = reports.revenue(DECEMBER, Granularity.MONTH, MANAGER);
        assertEquals(1, month.buckets().size());
        assertEquals(d("1700.00"), month.total().labour());
        assertEquals(d("3200.00"), month.total().parts());
        assertEquals(d("4900.00"), month.total().net());
        assertEquals(d("2300.00"), month.total().partsCost());
        assertEquals(5, month.total().documents());
        assertEquals(d("1800.00"), month.total().byPayer().get("CUSTOMER"));
        assertEquals(d("3000.00"), month.total().byPayer().get("INSURER"));
        assertEquals(d("100.00"), month.total().byPayer().get("GOODWILL"));
        assertEquals(d("1150.00"), month.total().byVisitType().get("MAINTENANCE"));
        assertEquals(d("900.00"), month.partsMargin());
        assertEquals(d("18000.00"), month.labourCost());
        assertEquals(d("-16300.00"), month.labourMargin());
        assertEquals(d("980.00"), month.ticketPerVehicle());
        RevenueReport days = reports.revenue(DECEMBER, Granularity.DAY, MANAGER);
        assertEquals(31, days.buckets().size());
        // the 22nd: the reversal (−800) and the new document (+750)
        assertEquals(d("-50.00"), days.buckets().get(21).net());
        assertEquals(0, days.buckets().get(21).documents());
        RevenueReport weeks = reports.revenue(DECEMBER, Granularity.WEEK, MANAGER);
        assertEquals("2026-W49", weeks.buckets().get(0).label());
        assertEquals(LocalDate.of(2026, 12, 1), weeks.buckets().get(0).from());
        // Tuesday 1st to Sunday 6th: V0 600 + V1 450
        assertEquals(d("1050.00"), weeks.buckets().get(0).net());
        assertEquals(d("4900.00"), weeks.buckets().stream().map(b -> b.net()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void techniciansAreCreditedByClockedTimeWithTheirComebacksAndCommission() {
        List<TechnicianFigures> techs = reports.technicians(DECEMBER, MANAGER);
        assertEquals(List.of("li.tech", "wang.tech", "zhao.tech"), techs.stream().map(TechnicianFigures::technician)
                .toList());
        TechnicianFigures li = techs.get(0), wang = techs.get(1), zhao = techs.get(2);
        // wang: V1 (1.5 h, 1.0 h clocked, 150), half of V2 (1.5 h, 2 h, 150), V4 (1 h, 1.5 h, 100)
        assertEquals(3, wang.workOrders());
        assertEquals(d("4.00"), wang.soldHours());
        assertEquals(d("4.50"), wang.clockedHours());
        assertEquals(d("0.8889"), wang.productivity());
        assertEquals(d("400.00"), wang.labourRevenue());
        assertEquals(d("60.00"), wang.commissionBase());
        // V4 came back for V1, which wang did
        assertEquals(1, wang.comebacks());
        assertEquals(d("1.50"), li.soldHours());
        assertEquals(d("0.7500"), li.productivity());
        assertEquals(0, li.comebacks());
        assertEquals(d("1.2500"), zhao.productivity());
        assertEquals(d("150.00"), zhao.commissionBase());
    }

    @Test
    void drillingFromTheComebackRateListsTheComebacks() {
        List<DrillRow> comebacks = reports.drill("comeback_rate", DECEMBER, MANAGER);
        assertEquals(1, comebacks.size());
        assertEquals("WO14", comebacks.get(0).number());
        assertEquals("返修自 comeback of WO11", comebacks.get(0).note());
        assertEquals(5, reports.drill("vehicles_in", DECEMBER, MANAGER).size());
        List<DrillRow> late = reports.drill("on_time_delivery", DECEMBER, MANAGER).stream()
                .filter(r -> r.note().startsWith("超时")).toList();
        assertEquals(List.of("WO12"), late.stream().map(DrillRow::number).toList());
        assertEquals(7, reports.drill("ticket_per_vehicle", DECEMBER, MANAGER).size());
        DmsException none = assertThrows(DmsException.class,
                () -> reports.drill("warranty_claim_accuracy", DECEMBER, MANAGER));
        assertEquals("kpi", none.violations().get(0).field());
    }

    @Test
    void aWorkOrderCorrectedAfterThePeriodCorrectsThatPeriod() {
        BigDecimal before = reports.kpis(DECEMBER, MANAGER).kpi("productivity").inputs().get("收费工时 sold hours");
        // in January the advisor finds V1 billed 1.5 h where the operation is 2 h: projected again, December follows
        Line corrected = labour("2.0", "1.0");
        WorkOrder fixed = visit(11, Set.of(VisitType.MAINTENANCE), "2026-12-02T08:30", WorkOrderStatus.DELIVERED,
                at("2026-12-02T17:00"), at("2026-12-02T16:00"), true, null, List.of(corrected));
        try {
            project(fixed, at("2026-12-02T15:00"), List.of());
            assertEquals(before.add(d("0.5")),
                    reports.kpis(DECEMBER, MANAGER).kpi("productivity").inputs().get("收费工时 sold hours"));
        } finally {
            Line l1 = v1.jobs().get(0).lines().get(0);
            project(v1, at("2026-12-02T15:00"),
                    List.of(ShopMonth.clock(v1, l1, "wang.tech", "2026-12-02T09:00", "2026-12-02T10:00")));
        }
        assertEquals(before, reports.kpis(DECEMBER, MANAGER).kpi("productivity").inputs().get("收费工时 sold hours"));
    }

    @Test
    void badResourcesAreRefusedFieldByFieldAndTheEntryStaysAsItWas() {
        MonthResources kept = resources.inForce(YearMonth.of(2026, 12), MANAGER).orElseThrow();
        DmsException e = assertThrows(DmsException.class, () -> resources.enter(new MonthResources(
                YearMonth.of(2026, 12), Set.of(), d("0"), Map.of(Trade.BODY, -1),
                List.of(new TechnicianResource("wang.tech", Trade.MECHANICAL, d("-1")),
                        new TechnicianResource("wang.tech", Trade.MECHANICAL, d("100"))),
                d("1.5"), null, null), MANAGER));
        assertEquals(List.of("workingWeekdays", "shiftHours", "bays.BODY", "commissionShare", "technicians[0].wage",
                "technicians[1].login"), e.violations().stream().map(Violation::field).toList());
        assertEquals(kept, resources.inForce(YearMonth.of(2026, 12), MANAGER).orElseThrow());
        // an advisor reads no reports and enters no resources
        assertThrows(DmsException.class, () -> reports.kpis(DECEMBER, ADVISOR));
        assertThrows(DmsException.class, () -> resources.enter(kept, ADVISOR));
        // January has no entry of its own: December's holds
        assertEquals(kept.technicians(), resources.inForce(YearMonth.of(2027, 1), MANAGER).orElseThrow().technicians());
        assertEquals(List.of(new CalendarDay(LocalDate.of(2026, 12, 31), false, "元旦调休")),
                resources.calendar(DECEMBER, MANAGER));
        assertEquals(1,
                db.count("SELECT COUNT(DISTINCT record_id) FROM audit_change WHERE record_type = 'report.calendar'"));
    }

    @Test
    void anAlertFiresOnceWhenAWeeksVisitsCollapse() {
        // February 2026: four weeks of ten visits (Monday 2 February to Sunday 1 March), then two in the week of 2 March
        long id = 3000;
        for (LocalDate day = LocalDate.of(2026, 2, 2); day.isBefore(LocalDate.of(2026, 3, 2)); day = day.plusDays(1)) {
            int visits = day.getDayOfWeek() == DayOfWeek.MONDAY ? 5 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
            for (int i = 0; i < visits; i++) {
                project(visit(++id, Set.of(VisitType.MAINTENANCE), day + "T09:00", WorkOrderStatus.IN_REPAIR, null,
                        null,
                        null, null, List.of(labour("1.0", null))), null, List.of());
            }
        }
        for (String day : List.of("2026-03-03T10:00", "2026-03-05T10:00")) {
            project(visit(++id, 78, Set.of(VisitType.MAINTENANCE), day, WorkOrderStatus.IN_REPAIR, null, null, null,
                    null, List.of(labour("1.0", null))), null, List.of());
        }
        // the comeback rule off: only the collapse is in question
        alerts.change("comeback_rate", false, d("0.05"), MANAGER);
        DmsException bad = assertThrows(DmsException.class, () -> alerts.change("visits_drop", true, d("1.5"),
                MANAGER));
        assertEquals("threshold", bad.violations().get(0).field());
        assertThrows(DmsException.class, () -> alerts.change("visits_drop", true, d("0.3"), ADVISOR));

        var raised = alerts.check(LocalDate.of(2026, 3, 10), MANAGER);
        assertEquals(List.of("visits_drop"), raised.stream().map(a -> a.rule()).toList());
        var alert = raised.get(0);
        assertEquals(LocalDate.of(2026, 3, 2), alert.from());
        assertEquals(d("0.8000"), alert.value());
        assertEquals("本周进厂 2 台，比前四周平均 10 台下降 80.0%", alert.messageZh());
        assertEquals(1, heard.size());
        // checked again (the next hour): recorded once, told once
        assertEquals(List.of(), alerts.check(LocalDate.of(2026, 3, 11), MANAGER));
        assertEquals(1, heard.size());
        assertEquals(1, alerts.list(Period.of(YearMonth.of(2026, 3)), MANAGER).size());
        // the week before had nothing to compare with enough of a drop: no alert
        assertEquals(List.of(), alerts.check(LocalDate.of(2026, 3, 3), MANAGER));
    }

    @Test
    void customersNewAndReturningBackForMaintenanceAndTheOnesToCall() {
        Set<VisitType> maintenance = Set.of(VisitType.MAINTENANCE), repair = Set.of(VisitType.GENERAL_REPAIR);
        // June 2028, with the twelve months before: 501 back for maintenance, 502 not back, 503 new, 504 away since 2027
        long[][] visits = { { 4001, 501 }, { 4002, 501 }, { 4003, 502 }, { 4004, 503 }, { 4005, 504 } };
        String[] days = { "2027-08-10T09:00", "2028-06-15T09:00", "2027-09-01T09:00", "2028-06-20T09:00",
                "2027-01-01T09:00" };
        for (int i = 0; i < visits.length; i++) {
            project(visit(visits[i][0], visits[i][1], i == 3 || i == 4 ? repair : maintenance, days[i],
                    WorkOrderStatus.DELIVERED, null, null, null, null, List.of(labour("1.0", null))), null, List.of());
        }
        var c = reports.customers(Period.of(YearMonth.of(2028, 6)), 12, MANAGER);
        assertEquals(2, c.customers());
        assertEquals(1, c.newCustomers());
        assertEquals(1, c.returningCustomers());
        assertEquals(2, c.maintenanceBase());
        assertEquals(1, c.maintenanceBack());
        assertEquals(d("0.5000"), c.maintenanceReturnRate());
        assertEquals(LocalDate.of(2027, 6, 30), c.lapsedSince());
        // 504 is the most recently lapsed; the desk's list names the last work order and plate to call about
        assertEquals(504, c.lapsed().get(0).customerId());
        assertEquals("WO4005", c.lapsed().get(0).lastWorkOrderNumber());
        assertEquals(LocalDate.of(2027, 1, 1), c.lapsed().get(0).lastVisit());
        assertTrue(c.lapsed().stream().noneMatch(l -> l.customerId() >= 501 && l.customerId() <= 503));
        assertEquals(c.lapsedCount(), c.lapsed().size());
        DmsException months = assertThrows(DmsException.class,
                () -> reports.customers(Period.of(YearMonth.of(2028, 6)), 0, MANAGER));
        assertEquals("months", months.violations().get(0).field());
    }

    @Test
    void managersSavingTheSameMonthAtOnceAllSucceedAndOneEntryStands() throws Exception {
        YearMonth month = YearMonth.of(2029, 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<MonthResources>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int bays = i + 1;
                saves.add(pool.submit(() -> {
                    start.await();
                    return resources.enter(new MonthResources(month, EnumSet.range(DayOfWeek.MONDAY,
                            DayOfWeek.FRIDAY), d("8"), Map.of(Trade.MECHANICAL, bays),
                            List.of(new TechnicianResource("wang.tech", Trade.MECHANICAL, d("6000.00"))), d("0.1"),
                            null, null), MANAGER);
                }));
            }
            start.countDown();
            for (var save : saves) {
                save.get(); // none refused or failed
            }
        } finally {
            pool.shutdown();
        }
        MonthResources stood = resources.inForce(month, MANAGER).orElseThrow();
        assertEquals(month, stood.month());
        assertEquals(1, stood.technicians().size());
        assertEquals(1, db.count("SELECT COUNT(*) FROM rpt_month WHERE ym = '2029-01'"));
    }
}
