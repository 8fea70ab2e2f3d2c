package org.opendms.reports.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.impl.SettledDocuments;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.Vin;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.impl.WorkOrdersForTests;

/**
 * A shop with history installs the reports: the work orders recorded before them are projected once, in pages, by the
 * real work-order and settlement services on the same database; live changes are projected as they come; a restart
 * after the catch-up does no bulk work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CatchUpContract {

    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static int serial;
    /** Pages of 20: two pages and a bit, as a shop's history is many. */
    static final int PAGE = 20;

    TestDatabase db;
    WorkOrdersForTests shop;
    SettledDocuments desk;
    long owner;
    TestShopClock clock = TestShopClock.fixed(Instant.parse("2026-12-03T02:00:00Z"));

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        shop = WorkOrdersForTests.on(db, clock);
        var permissions = TestPermissions.of();
        desk = new SettledDocuments(db, clock, permissions, new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions));
        db.migrate("db/org.opendms.reports.impl/changelog.xml");
        owner = shop.core.customers().create(new CustomerDraft(CustomerType.PERSON, "周杰", "13755550031", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    WorkOrder open() {
        String draft = "LSVAU2180N2" + String.format("%06d", ++serial);
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        Vehicle v = shop.core.vehicles().create(new VehicleDraft(vin, "浙B" + (20000 + serial), "大众", "迈腾", 2022,
                null, null, null, owner, null, null, null, null), ADVISOR);
        return shop.reception.open(new ReceptionDraft(v.plate(), null, null, 15_000, null, 50, null,
                List.of(JobDraft.customer("保养")), null, null, Set.of(VisitType.MAINTENANCE), null), ADVISOR);
    }

    Projection projection() {
        Projection p = new Projection();
        p.jpa = db.jpa("dms-reports");
        p.clock = clock;
        p.workOrders = shop.workOrders;
        p.settlements = desk.service();
        p.page = PAGE;
        p.activate();
        return p;
    }

    @Test
    @Order(1)
    void historyIsProjectedOnceLiveChangesAsTheyComeAndARestartDoesNoBulkWork() throws Exception {
        for (int i = 0; i < PAGE + 5; i++) {
            open();
        }
        Projection first = projection();
        // two pages: the second is queued behind the first
        first.awaitQuiet();
        first.awaitQuiet();
        assertEquals(PAGE + 5, db.count("SELECT COUNT(*) FROM rpt_visit"));
        assertEquals(-1, db.count("SELECT mark_value FROM rpt_mark WHERE name = 'catch-up.page'"));
        WorkOrder live = open();
        first.changed(new WorkOrderEvent(live.id(), live.number(), live.vehicleId(), live.plate(), live.customerId(),
                live.status().name(), null, null, "wang.advisor", clock.now()));
        first.awaitQuiet();
        assertEquals(PAGE + 6, db.count("SELECT COUNT(*) FROM rpt_visit"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM rpt_visit WHERE number = '" + live.number()
                + "' AND opened_day = CAST('2026-12-03' AS DATE) AND visit_types = ',MAINTENANCE,' AND cancelled = 0"));
        first.deactivate();

        // a restart reads the mark and projects nothing: facts removed by hand stay removed
        db.dataSource().getConnection().createStatement().execute("DELETE FROM rpt_visit");
        Projection again = projection();
        again.awaitQuiet();
        assertEquals(0, db.count("SELECT COUNT(*) FROM rpt_visit"));
        again.deactivate();
    }

    @Test
    @Order(2)
    void theDaysSummariesFollowABurstOfOpeningsOnceAndADayAStopLeftPendingIsSummarisedAtTheNextStart()
            throws Exception {
        Projection p = projection();
        p.awaitQuiet();
        p.summaryDelayMillis = 60_000;
        long summary = vehiclesIn();
        long facts = facts();
        for (int i = 0; i < 3; i++) {
            tell(p, open());
        }
        // the facts are written at once, the day waits for the burst to end (here a minute) ...
        p.worker().submit(() -> {
        }).get(1, TimeUnit.MINUTES);
        assertEquals(facts + 3, facts());
        assertEquals(1, db.count("SELECT COUNT(*) FROM rpt_pending_day"));
        assertEquals(summary, vehiclesIn());
        // ... and counts them once summarised (a report that must be current, and a test, waits for it)
        p.awaitQuiet();
        assertEquals(facts + 3, vehiclesIn());
        assertEquals(0, db.count("SELECT COUNT(*) FROM rpt_pending_day"));

        // stopped before the summary ran: the day stays pending in the database, the next start summarises it
        tell(p, open());
        p.worker().submit(() -> {
        }).get(1, TimeUnit.MINUTES);
        p.worker().shutdownNow();
        assertEquals(facts + 4, facts());
        assertEquals(facts + 3, vehiclesIn());
        Projection again = projection();
        again.awaitQuiet();
        assertEquals(facts + 4, vehiclesIn());
        assertEquals(0, db.count("SELECT COUNT(*) FROM rpt_pending_day"));
        again.deactivate();
    }

    private void tell(Projection p, WorkOrder wo) {
        p.changed(new WorkOrderEvent(wo.id(), wo.number(), wo.vehicleId(), wo.plate(), wo.customerId(),
                wo.status().name(), null, null, "wang.advisor", clock.now()));
    }

    private long facts() {
        return db.count(
                "SELECT COUNT(*) FROM rpt_visit WHERE opened_day = CAST('2026-12-03' AS DATE) AND cancelled = 0");
    }

    private long vehiclesIn() {
        return db.count(
                "SELECT COALESCE(SUM(vehicles_in), 0) FROM rpt_day WHERE summary_day = CAST('2026-12-03' AS DATE)");
    }
}
