package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentChannel;
import org.opendms.appointment.api.AppointmentDraft;
import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.appointment.impl.AppointmentBookForTests;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.Findings;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TechnicianSkill;
import org.opendms.workorder.api.TechnicianSuggestion;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * The work-order rules on a real database migrated by the real changelogs, with the real vehicle and customer archives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkOrderServiceContract {

    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor TECH_LI = new Actor("li.tech", Set.of("technician"), Channel.REST);
    static final Actor TECH_CHEN = new Actor("chen.tech", Set.of("technician"), Channel.REST);
    /** The technician {@link #labourClocked} clocks: his is the work the self check checks. */
    static final Actor TECH_QC = new Actor("qc.tech", Set.of("technician"), Channel.REST);
    static final Actor CASHIER = new Actor("cashier", Set.of("cashier"), Channel.REST);
    static final Actor FOREMAN = new Actor("sun.foreman", Set.of("foreman"), Channel.REST);
    static final Actor INSPECTOR = new Actor("he.inspector", Set.of("inspector"), Channel.REST);
    static final ApprovalDraft BY_WECHAT = new ApprovalDraft("张伟", ApprovalChannel.WECHAT);
    /** 10:00 in Shanghai on 2026-11-22. */
    static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
    private static final AtomicInteger NUMBERS = new AtomicInteger(20000);

    TestDatabase db;
    VehicleService vehicles;
    MutableShopClock clock;
    SkillCatalogue skills;
    Workshop shop;
    AppointmentService appointments;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        assertEquals("workorder-012-parts",
                db.migrate("db/org.opendms.workorder.impl/changelog.xml"));
        clock = new MutableShopClock(START);
        skills = StaffForTests.on(db, clock).skills();
        appointments = AppointmentBookForTests.on(db, core.customers(), vehicles, new ShopTechnicians(), clock,
                id -> new WorkOrderReferences(shop.store).plateOf(id));
        shop = new Workshop(skills,
                new WorkOrderStore(db.jpa("dms-workorder"), clock, new BigDecimal("0.13"), 30, 3000),
                vehicles,
                appointments);
        // a technician confirms a lower odometer reading only on a car he works on
        core.workOn(new WorkOrderReferences(shop.store));
        // the operations the tests' labour lines name
        for (String code : List.of("LAB-1", "BY-01", "ZD-02", "KT-03", "L", "X", "BJ-01")) {
            shop.catalogue.save(new LabourOperationDraft(code, "工时 " + code, yuan("1"), null, null), null, MANAGER);
        }
        owner = core.customers()
                .create(new CustomerDraft(CustomerType.PERSON, "张伟", "13912345678", null, null, List.of(),
                        false, null), ADVISOR)
                .id();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    static String newVin() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        return draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
    }

    static String newPlate() {
        return "京A" + (NUMBERS.incrementAndGet() % 90000 + 10000);
    }

    /** A vehicle already in the archive, with no odometer reading yet. */
    Vehicle knownVehicle() {
        return vehicles.create(new VehicleDraft(newVin(), newPlate(), "大众", "帕萨特", 2022, null, null, null, owner, null,
                null, null, null), ADVISOR);
    }

    ReceptionDraft reception(String plate, int km, List<JobDraft> concerns, ApprovalDraft approval) {
        return new ReceptionDraft(plate, null, null, km, null, 50, "左前门划痕", concerns, null,
                clock.now().plus(Duration.ofHours(6)), Set.of(VisitType.GENERAL_REPAIR), approval);
    }

    /** A work order of a known vehicle with one approved job holding one labour line. */
    WorkOrder approvedOrder(int km) {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), km, List.of(JobDraft.customer("异响")), null), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.labour("LAB-1", "检查底盘异响", "1", "100"), ADVISOR);
        // approved once the estimate is complete: a line added later needs the customer's approval again
        return shop.jobs.approve(wo.id(), wo.jobs().get(0).id(), wo.version(), BY_WECHAT, ADVISOR);
    }

    /** A move by the advisor; to QC, labour is clocked first if nobody clocked any (no QC without clocked labour). */
    WorkOrder move(WorkOrder wo, WorkOrderStatus to) {
        WorkOrder w = to == WorkOrderStatus.AWAITING_QC && shop.clocks.clocks(wo.id()).isEmpty() ? labourClocked(wo)
                : wo;
        return shop.flow.changeStatus(w.id(), w.version(), to, null, null, ADVISOR);
    }

    /** The foreman clocks qc.tech on and off the first labour line of an approved job, assigning it on the spot. */
    WorkOrder labourClocked(WorkOrder wo) {
        Job job = wo.jobs().stream()
                .filter(j -> j.approved() && j.lines().stream().anyMatch(l -> l.type() == LineType.LABOUR))
                .findFirst().orElseThrow(() -> new AssertionError("no approved labour to clock on in " + wo));
        Line line = job.lines().stream().filter(l -> l.type() == LineType.LABOUR).findFirst().orElseThrow();
        shop.clocks.clockOn(wo.id(), job.id(), line.id(), "qc.tech", FOREMAN);
        shop.clocks.clockOff(wo.id(), "qc.tech", null, FOREMAN);
        return shop.workOrders.get(wo.id());
    }

    /** The draft with the advisor's confirmation of a second open work order for the car. */
    static ReceptionDraft secondOpenConfirmed(ReceptionDraft d) {
        return new ReceptionDraft(d.plate(), d.vin(), d.ownerId(), d.mileageKm(), d.confirmLowerMileage(),
                d.fuelPercent(),
                d.walkAround(), d.concerns(), d.advisor(), d.promisedAt(), d.visitTypes(), d.approval(),
                d.appointmentId(), true);
    }

    /** Through repair, QC and completion to DELIVERED. */
    WorkOrder deliver(WorkOrder wo) {
        WorkOrder w = move(move(wo, WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
        w = passQc(w);
        return move(move(w, WorkOrderStatus.COMPLETED), WorkOrderStatus.DELIVERED);
    }

    /** Passes the default QC levels: the technician's self check, the foreman's, the final one. */
    WorkOrder passQc(WorkOrder w) {
        w = shop.qc.check(w.id(), w.version(), QcLevel.SELF, true, null, MANAGER);
        w = shop.qc.check(w.id(), w.version(), QcLevel.FOREMAN, true, null, MANAGER);
        return shop.qc.check(w.id(), w.version(), QcLevel.FINAL, true, null, MANAGER);
    }

    long count(String table) {
        return db.count("SELECT COUNT(*) FROM " + table);
    }

    /** Rows of every work-order table plus vehicles and odometer readings: "nothing changed" is all of them equal. */
    List<Long> everything() {
        List<Long> n = new ArrayList<>();
        for (String t : List.of("wo_work_order", "wo_job", "wo_line", "wo_status_history", "wo_clock", "wo_qc",
                "vehicle",
                "vehicle_odometer_reading", "wo_assignment", "wo_technician_skill", "wo_acted_for")) {
            n.add(count(t));
        }
        n.add(db.count("SELECT COALESCE(SUM(version), 0) FROM wo_work_order"));
        n.add(db.count("SELECT COUNT(*) FROM wo_clock WHERE running_technician IS NOT NULL"));
        n.add(db.count("SELECT COALESCE(SUM(skill_level), 0) FROM wo_technician_skill"));
        n.add(db.count("SELECT COUNT(*) FROM wo_job WHERE bay IS NOT NULL"));
        return n;
    }

    /** Runs a call that must be refused; returns the refusal after checking nothing was stored or changed. */
    DmsException refused(DmsException.Kind kind, String field, String code, Executable call) {
        List<Long> before = everything();
        DmsException e = assertThrows(DmsException.class, call::execute);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(
                e.violations().stream()
                        .anyMatch(v -> v.field().equals(field) && (code == null || v.code().equals(code))),
                () -> "expected " + field + "/" + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank(), v.toString()));
        assertEquals(before, everything(), "a refused call changed nothing");
        return e;
    }

    @FunctionalInterface
    interface Executable {
        void execute() throws Exception;
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    // ------------------------------------------------------------------ the whole visit

    @Test
    void aWholeVisitFromReceptionToDelivery() {
        List<String> told = new CopyOnWriteArrayList<>();
        List<WorkOrderEvent> events = new CopyOnWriteArrayList<>();
        WorkOrderListener recorder = new WorkOrderListener() {
            @Override
            public void opened(WorkOrderEvent e) {
                told.add("opened");
                events.add(e);
            }

            @Override
            public void jobApproved(WorkOrderEvent e) {
                told.add("jobApproved:" + e.jobId());
            }

            @Override
            public void statusChanged(WorkOrderEvent e) {
                told.add(e.from() + ">" + e.status());
            }

            @Override
            public void completed(WorkOrderEvent e) {
                told.add("completed");
            }

            @Override
            public void delivered(WorkOrderEvent e) {
                told.add("delivered");
                events.add(e);
            }
        };
        WorkOrderListener failing = new WorkOrderListener() {
            @Override
            public void opened(WorkOrderEvent e) {
                throw new IllegalStateException("a plugin's bug");
            }
        };
        shop.store.listeners = List.of(failing, recorder);
        try {
            // reception of a car the shop has never seen: typed the way people type plates
            String plate = newPlate();
            String vin = newVin();
            Instant promised = clock.now().plus(Duration.ofHours(5));
            WorkOrder wo = shop.reception.open(new ReceptionDraft(
                    plate.substring(0, 1) + plate.substring(1, 2).toLowerCase() + "·"
                            + plate.substring(2),
                    vin, owner, 12_345, null, 40, "右后保险杠刮擦；车内有儿童座椅",
                    List.of(JobDraft.customer("保养：更换机油机滤"), new JobDraft("刹车异响", PayType.WARRANTY)), null, promised,
                    Set.of(VisitType.MAINTENANCE, VisitType.WARRANTY), null), ADVISOR);
            String today = java.time.format.DateTimeFormatter.BASIC_ISO_DATE
                    .format(LocalDate.ofInstant(clock.now(), MutableShopClock.SHANGHAI));
            assertTrue(wo.number().matches("WO" + today + "-\\d{4}"), wo.number());
            assertEquals(WorkOrderStatus.AWAITING_DISPATCH, wo.status());
            assertEquals(plate, wo.plate());
            Vehicle registered = vehicles.findByPlate(plate).orElseThrow();
            assertEquals(vin, registered.vin());
            assertEquals(registered.id(), wo.vehicleId());
            assertEquals(owner, wo.customerId());
            OdometerReading reading = vehicles.odometerHistory(registered.id()).get(0);
            assertEquals(12_345, reading.km());
            assertEquals("reception", reading.source());
            assertEquals(12_345, wo.mileageInKm());
            assertEquals(40, wo.fuelPercent());
            assertEquals("wang.advisor", wo.advisor());
            assertEquals(promised, wo.promisedAt());
            assertEquals(Set.of(VisitType.MAINTENANCE, VisitType.WARRANTY), wo.visitTypes());
            assertEquals(List.of("保养：更换机油机滤", "刹车异响"), wo.jobs().stream().map(Job::concern).toList());
            assertEquals(List.of(PayType.CUSTOMER, PayType.WARRANTY), wo.jobs().stream().map(Job::payType).toList());
            assertTrue(wo.jobs().stream().noneMatch(Job::approved), "not approved at reception: unapproved");
            assertTrue(wo.jobs().stream().noneMatch(Job::addOn));
            assertNull(wo.comebackOfId());
            assertEquals(wo, shop.workOrders.get(wo.id()));

            // estimate: lines with exact figures
            Job oil = wo.jobs().get(0);
            Job brakes = wo.jobs().get(1);
            wo = shop.jobs.addLine(wo.id(), oil.id(), wo.version(),
                    LineDraft.labour("BY-01", "更换机油机滤", "0.8", "120.00"), ADVISOR);
            wo = shop.jobs.addLine(wo.id(), oil.id(), wo.version(),
                    LineDraft.part("0W20-4L", "全合成机油 4L", "1", "299.99", 77L).withDiscount("10.00"), ADVISOR);
            wo = shop.jobs.addLine(wo.id(), brakes.id(), wo.version(),
                    LineDraft.labour("ZD-02", "检查制动系统", "1.5", "133.33"), ADVISOR);
            Line oilLabour = wo.job(oil.id()).lines().get(0);
            assertEquals(yuan("96.00"), oilLabour.net());
            assertEquals(yuan("0.00"), oilLabour.actualHours());
            assertEquals(yuan("289.99"), wo.job(oil.id()).lines().get(1).net());
            assertEquals(77L, wo.job(oil.id()).lines().get(1).stockItemId());
            assertNull(wo.job(oil.id()).lines().get(1).actualHours());
            // 1.5 × 133.33 = 199.995: the line is rounded HALF_UP to the fen
            assertEquals(yuan("200.00"), wo.job(brakes.id()).lines().get(0).net());
            assertEquals(yuan("385.99"), wo.job(oil.id()).totals().net());
            assertEquals(yuan("50.18"), wo.job(oil.id()).totals().vat()); // 50.1787
            assertEquals(yuan("436.17"), wo.job(oil.id()).totals().gross());
            assertEquals(yuan("26.00"), wo.job(brakes.id()).totals().vat());
            assertEquals(yuan("585.99"), wo.totals().net());
            assertEquals(yuan("76.18"), wo.totals().vat()); // 76.1787
            assertEquals(yuan("662.17"), wo.totals().gross());

            // the customer approves the oil change only; then dispatch
            wo = shop.jobs.approve(wo.id(), oil.id(), wo.version(), BY_WECHAT, ADVISOR);
            assertEquals("张伟", wo.job(oil.id()).approval().approvedBy());
            assertEquals(ApprovalChannel.WECHAT, wo.job(oil.id()).approval().channel());
            assertEquals(clock.now(), wo.job(oil.id()).approval().at());
            assertEquals("wang.advisor", wo.job(oil.id()).approval().recordedBy());
            assertFalse(wo.job(brakes.id()).approved());
            // dispatch: the suggestion puts the better mechanic first, the foreman takes it and names the bay
            shop.dispatch.setSkill("li.tech", "MECHANICAL", 4, MANAGER);
            shop.dispatch.setSkill("chen.tech", "MECHANICAL", 3, MANAGER);
            List<TechnicianSuggestion> suggested = shop.dispatch.suggestTechnicians(wo.id(), oil.id(),
                    "MECHANICAL");
            assertEquals(List.of("li.tech", "chen.tech"),
                    suggested.stream().map(TechnicianSuggestion::technician).toList());
            assertTrue(suggested.get(0).reasonZh().contains("机修 4 级"), suggested.get(0).reasonZh());
            wo = shop.dispatch.assign(wo.id(), oil.id(), wo.version(), List.of("li.tech"), "3号工位", MANAGER);
            assertEquals(List.of(new Assignment(oil.id(), List.of("li.tech"), "3号工位", clock.now(), "zhao.manager")),
                    shop.dispatch.assignments(wo.id()));
            wo = shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.IN_REPAIR, null, "派工给李师傅", MANAGER);
            long brakesLine = wo.job(brakes.id()).lines().get(0).id();
            long woId = wo.id();
            refused(DmsException.Kind.CONFLICT, "jobId", "job.unapproved",
                    () -> shop.clocks.clockOn(woId, brakes.id(), brakesLine, "li.tech", TECH_LI));

            ClockEntry on = shop.clocks.clockOn(wo.id(), oil.id(), oilLabour.id(), "li.tech", TECH_LI);
            assertTrue(on.running());
            clock.advance(Duration.ofMinutes(90));
            ClockEntry off = shop.clocks.clockOff(wo.id(), "li.tech", null, TECH_LI);
            assertFalse(off.running());
            assertEquals(on.startedAt().plus(Duration.ofMinutes(90)), off.endedAt());
            wo = shop.workOrders.get(wo.id());
            assertEquals(yuan("1.50"), wo.job(oil.id()).lines().get(0).actualHours());
            assertEquals(yuan("0.80"), wo.job(oil.id()).lines().get(0).quantity());

            // extra work found in the bay: an add-on, not clockable until the customer approves it
            wo = shop.jobs.addJob(wo.id(), wo.version(), JobDraft.customer("空调滤芯脏污，建议更换"), ADVISOR);
            Job filter = wo.jobs().get(2);
            assertTrue(filter.addOn());
            assertFalse(filter.approved());
            assertEquals(3, filter.seq());
            wo = shop.jobs.addLine(wo.id(), filter.id(), wo.version(),
                    LineDraft.labour("KT-03", "更换空调滤芯", "0.3", "120"), ADVISOR);
            long filterLine = wo.job(filter.id()).lines().get(0).id();
            refused(DmsException.Kind.CONFLICT, "jobId", "job.unapproved",
                    () -> shop.clocks.clockOn(woId, filter.id(), filterLine, "chen.tech", TECH_CHEN));
            wo = shop.jobs.approve(wo.id(), filter.id(), wo.version(), new ApprovalDraft("张伟", ApprovalChannel.PHONE),
                    ADVISOR);
            wo = shop.dispatch.assign(wo.id(), filter.id(), wo.version(), List.of("chen.tech"), null, FOREMAN);
            shop.clocks.clockOn(wo.id(), filter.id(), filterLine, "chen.tech", TECH_CHEN);
            clock.advance(Duration.ofMinutes(20));
            shop.clocks.clockOff(wo.id(), "chen.tech", null, TECH_CHEN);
            wo = shop.workOrders.get(wo.id());
            assertEquals(yuan("0.33"), wo.job(filter.id()).lines().get(0).actualHours());
            assertEquals(yuan("36.00"), wo.job(filter.id()).totals().net());
            assertEquals(yuan("621.99"), wo.totals().net());
            assertEquals(yuan("80.86"), wo.totals().vat()); // 80.8587

            // QC: self check passes, the final check fails, rework, then it passes
            wo = move(wo, WorkOrderStatus.AWAITING_QC);
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, TECH_LI);
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, false, "机油液位偏低", MANAGER);
            assertEquals(WorkOrderStatus.IN_REPAIR, wo.status());
            assertEquals(1, wo.reworkCount());
            WorkOrder reworked = wo;
            refused(DmsException.Kind.CONFLICT, "status", "illegal_transition",
                    () -> shop.flow.changeStatus(woId, reworked.version(), WorkOrderStatus.COMPLETED, null, null,
                            ADVISOR));
            wo = move(wo, WorkOrderStatus.AWAITING_QC);
            WorkOrder awaiting = wo;
            refused(DmsException.Kind.CONFLICT, "status", "qc.final_missing",
                    () -> shop.flow.changeStatus(woId, awaiting.version(), WorkOrderStatus.COMPLETED, null, null,
                            ADVISOR));
            // the self check before the rework does not count: every level checks the repaired car, in order
            WorkOrder finalOnly = wo;
            refused(DmsException.Kind.CONFLICT, "level", "qc.out_of_order",
                    () -> shop.qc.check(woId, finalOnly.version(), QcLevel.FINAL, true, "复检合格", MANAGER));
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, TECH_LI);
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FOREMAN, true, null, MANAGER);
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, true, "复检合格", MANAGER);
            assertTrue(wo.finalQcPassed());
            wo = move(wo, WorkOrderStatus.COMPLETED);
            clock.advance(Duration.ofMinutes(30));
            wo = move(wo, WorkOrderStatus.DELIVERED);
            assertEquals(WorkOrderStatus.DELIVERED, wo.status());
            assertEquals(clock.now(), wo.deliveredAt());
            assertTrue(wo.deliveredAt().isBefore(wo.promisedAt()), "on time");
            assertEquals(1, shop.workOrders.get(wo.id()).reworkCount());

            List<StatusChange> history = shop.workOrders.history(wo.id());
            assertEquals(List.of("null>AWAITING_DISPATCH", "AWAITING_DISPATCH>IN_REPAIR", "IN_REPAIR>AWAITING_QC",
                    "AWAITING_QC>IN_REPAIR", "IN_REPAIR>AWAITING_QC", "AWAITING_QC>COMPLETED", "COMPLETED>DELIVERED"),
                    history.stream().map(h -> h.from() + ">" + h.to()).toList());
            assertEquals(List.of("wang.advisor", "zhao.manager", "wang.advisor", "zhao.manager", "wang.advisor",
                    "wang.advisor", "wang.advisor"), history.stream().map(StatusChange::username).toList());
            assertEquals("派工给李师傅", history.get(1).reason());
            assertTrue(history.get(3).reason().contains("机油液位偏低"), history.get(3).reason());
            assertEquals(wo.deliveredAt(), history.get(6).at());
            assertEquals(List.of(QcLevel.SELF, QcLevel.FINAL, QcLevel.SELF, QcLevel.FOREMAN, QcLevel.FINAL),
                    shop.qc.checks(wo.id()).stream().map(q -> q.level()).toList());
            assertEquals(List.of(true, false, true, true, true),
                    shop.qc.checks(wo.id()).stream().map(q -> q.passed()).toList());
            assertEquals(2, shop.clocks.clocks(wo.id()).size());

            assertEquals(List.of("opened", "jobApproved:" + oil.id(), "AWAITING_DISPATCH>IN_REPAIR",
                    "jobApproved:" + filter.id(), "IN_REPAIR>AWAITING_QC", "AWAITING_QC>IN_REPAIR",
                    "IN_REPAIR>AWAITING_QC", "AWAITING_QC>COMPLETED", "completed", "COMPLETED>DELIVERED", "delivered"),
                    told);
            WorkOrderEvent delivered = events.get(1);
            assertEquals(
                    List.of(wo.id(), wo.number(), wo.vehicleId(), wo.plate(), wo.customerId(), "DELIVERED",
                            "COMPLETED"),
                    List.of(delivered.workOrderId(), delivered.number(), delivered.vehicleId(), delivered.plate(),
                            delivered.customerId(), delivered.status(), delivered.from()),
                    "the event names the work order and its move as committed");
            assertEquals(wo.id(), events.get(0).workOrderId());

            // the timeline: every step with who and when
            List<TimelineEntry> timeline = shop.workOrders.timeline(wo.id());
            timeline.forEach(t -> assertTrue(t.username() != null && t.at() != null && !t.textZh().isBlank()
                    && !t.textEn().isBlank(), t.toString()));
            List<String> kinds = timeline.stream().map(TimelineEntry::kind).toList();
            assertEquals("OPENED", kinds.get(0));
            assertEquals("STATUS", kinds.get(kinds.size() - 1));
            assertTrue(timeline.get(timeline.size() - 1).textEn().endsWith("COMPLETED → DELIVERED"),
                    timeline.toString());
            // (the test clock stands still through most steps, so only what does not depend on their order is checked
            // here; WorkOrderVisitIT checks the order on real time)
            assertEquals(1, kinds.stream().filter("QC_FAILED"::equals).count());
            assertEquals(shop.workOrders.history(wo.id()).size() - 1, kinds.stream().filter("STATUS"::equals).count());
            assertTrue(kinds.containsAll(List.of("APPROVED", "CLOCKED_ON", "CLOCKED_OFF", "QC_PASSED")),
                    kinds.toString());
            assertEquals(shop.clocks.clocks(wo.id()).size(), kinds.stream().filter("CLOCKED_ON"::equals).count());
            assertEquals("AWAITING_DISPATCH", events.get(0).status());
        } finally {
            shop.store.listeners = List.of();
        }
    }

    @Test
    void initialJobsAreApprovedAtReceptionOnlyWhenTheDraftSaysSo() {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception
                .open(reception(v.plate(), 1_000, List.of(JobDraft.customer("a"), JobDraft.customer("b")),
                        new ApprovalDraft("李娜", ApprovalChannel.IN_PERSON)), ADVISOR);
        assertTrue(wo.jobs().stream().allMatch(Job::approved));
        assertEquals(ApprovalChannel.IN_PERSON, wo.jobs().get(1).approval().channel());
        // a job added before dispatch is not an add-on, and starts unapproved
        wo = shop.jobs.addJob(wo.id(), wo.version(), JobDraft.customer("c"), ADVISOR);
        assertFalse(wo.jobs().get(2).addOn());
        assertFalse(wo.jobs().get(2).approved());
        WorkOrder w = wo;
        refused(DmsException.Kind.CONFLICT, "jobId", "job.approved",
                () -> shop.jobs.approve(w.id(), w.jobs().get(0).id(), w.version(), BY_WECHAT, ADVISOR));
    }

    // ------------------------------------------------------------------ money

    @Test
    void vatIsRoundedOnceOnTheWorkOrderTotalNotPerJob() {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception
                .open(reception(v.plate(), 1_000, List.of(JobDraft.customer("a"), JobDraft.customer("b")),
                        null), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                new LineDraft(LineType.FEE, null, "废油处理费", yuan("1"), yuan("0.05"), null, null), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(1).id(), wo.version(),
                new LineDraft(LineType.SUBLET, null, "外协四轮定位", yuan("1"), yuan("0.05"), null, null), ADVISOR);
        // each job: 0.05 × 13 % = 0.0065 → 0.01; the work order: 0.10 × 13 % = 0.013 → 0.01, not 0.02
        assertEquals(yuan("0.01"), wo.jobs().get(0).totals().vat());
        assertEquals(yuan("0.01"), wo.jobs().get(1).totals().vat());
        assertEquals(yuan("0.10"), wo.totals().net());
        assertEquals(yuan("0.01"), wo.totals().vat());
        assertEquals(yuan("0.11"), wo.totals().gross());
        // a discount is taken off before the line is rounded: 3 × 33.33 − 0.005 is not allowed (fen only), 99.99 − 9.99
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.part("P-1", "刹车片", "3", "33.33", null).withDiscount("9.99"), ADVISOR);
        assertEquals(yuan("90.00"), wo.jobs().get(0).lines().get(1).net());
        assertEquals(yuan("90.05"), wo.jobs().get(0).totals().net());
        assertEquals(yuan("11.71"), wo.jobs().get(0).totals().vat()); // 11.7065
        assertEquals(yuan("0.01"), wo.jobs().get(1).totals().vat());
        assertEquals(yuan("90.10"), wo.totals().net());
        assertEquals(yuan("11.71"), wo.totals().vat()); // 11.713, while the jobs' VAT adds up to 11.72
        assertEquals(yuan("101.81"), wo.totals().gross());
    }

    @Test
    void theVatRateIsConfigurableAndFixedPerWorkOrderAtOpening() {
        Workshop smallTaxpayer = new Workshop(skills,
                new WorkOrderStore(shop.store.jpa, clock, new BigDecimal("0.03"), 30, 3000),
                vehicles, null);
        Vehicle v = knownVehicle();
        WorkOrder wo = smallTaxpayer.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("a")), null),
                ADVISOR);
        wo = smallTaxpayer.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.labour("L", "工时", "2", "150.50"), ADVISOR);
        assertEquals(0, yuan("0.03").compareTo(wo.vatRate()));
        assertEquals(yuan("301.00"), wo.totals().net());
        assertEquals(yuan("9.03"), wo.totals().vat());
        // read through the 13 % service, the work order keeps its own rate
        assertEquals(yuan("9.03"), shop.workOrders.get(wo.id()).totals().vat());
        assertEquals(0, new BigDecimal("0.13").compareTo(WorkOrderStore.Settings.DEFAULTS.vatRate()));
        assertEquals(new BigDecimal("0.0300"), WorkOrderRules.vatRate(" 0.03 "));
        assertNull(WorkOrderRules.vatRate("13"));
        assertNull(WorkOrderRules.vatRate("-0.01"));
        assertNull(WorkOrderRules.vatRate("0.12345"));
        assertNull(WorkOrderRules.vatRate("thirteen"));
    }

    // ------------------------------------------------------------------ status machine

    @Test
    void illegalTransitionsAreRefusedNamingBothStates() {
        WorkOrder wo = approvedOrder(1_000);
        DmsException e = refused(DmsException.Kind.CONFLICT, "status", "illegal_transition",
                () -> shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, null, ADVISOR));
        Violation v = e.violations().get(0);
        assertTrue(v.messageZh().contains("待派工") && v.messageZh().contains("待质检"), v.messageZh());
        assertTrue(v.messageEn().contains("AWAITING_DISPATCH") && v.messageEn().contains("AWAITING_QC"), v.messageEn());
        for (WorkOrderStatus to : List.of(WorkOrderStatus.WAITING, WorkOrderStatus.COMPLETED, WorkOrderStatus.DELIVERED,
                WorkOrderStatus.AWAITING_DISPATCH)) {
            refused(DmsException.Kind.CONFLICT, "status", to == WorkOrderStatus.WAITING ? null : "illegal_transition",
                    () -> shop.flow.changeStatus(wo.id(), wo.version(), to,
                            to == WorkOrderStatus.WAITING ? WaitReason.PARTS : null,
                            null, ADVISOR));
        }
        WorkOrder repair = move(wo, WorkOrderStatus.IN_REPAIR);
        // WAITING needs its reason, and only WAITING takes one
        refused(DmsException.Kind.INVALID_INPUT, "waitReason", "required",
                () -> shop.flow.changeStatus(repair.id(), repair.version(), WorkOrderStatus.WAITING, null, null,
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "waitReason", "not_waiting",
                () -> shop.flow.changeStatus(repair.id(), repair.version(), WorkOrderStatus.AWAITING_QC,
                        WaitReason.PARTS, null, ADVISOR));
        WorkOrder waiting = shop.flow.changeStatus(repair.id(), repair.version(), WorkOrderStatus.WAITING,
                WaitReason.PARTS,
                "等刹车片到货", ADVISOR);
        assertEquals(WaitReason.PARTS, waiting.waitReason());
        assertEquals("PARTS: 等刹车片到货", shop.workOrders.history(wo.id()).get(2).reason());
        refused(DmsException.Kind.CONFLICT, "status", "illegal_transition",
                () -> shop.flow.changeStatus(waiting.id(), waiting.version(), WorkOrderStatus.AWAITING_QC, null, null,
                        ADVISOR));
        WorkOrder back = move(waiting, WorkOrderStatus.IN_REPAIR);
        assertNull(back.waitReason());
        WorkOrder cancelled = shop.flow.changeStatus(back.id(), back.version(), WorkOrderStatus.CANCELLED, null, "客户取消",
                ADVISOR);
        for (WorkOrderStatus to : WorkOrderStatus.values()) {
            refused(DmsException.Kind.CONFLICT, "status", to == WorkOrderStatus.WAITING ? null : "illegal_transition",
                    () -> shop.flow.changeStatus(cancelled.id(), cancelled.version(), to,
                            to == WorkOrderStatus.WAITING ? WaitReason.SUBLET : null, null, ADVISOR));
        }
        // a delivered work order cannot be cancelled
        WorkOrder delivered = deliver(approvedOrder(2_000));
        refused(DmsException.Kind.CONFLICT, "status", "illegal_transition",
                () -> shop.flow.changeStatus(delivered.id(), delivered.version(), WorkOrderStatus.CANCELLED, null, null,
                        ADVISOR));
        // every state before DELIVERED can be cancelled
        WorkOrder completed = shop.workOrders.get(delivered.id());
        assertEquals(WorkOrderStatus.DELIVERED, completed.status());
        WorkOrder dispatch = approvedOrder(3_000);
        assertEquals(WorkOrderStatus.CANCELLED, move(dispatch, WorkOrderStatus.CANCELLED).status());
        WorkOrder done = move(move(approvedOrder(3_000), WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
        done = passQc(done);
        done = move(done, WorkOrderStatus.COMPLETED);
        assertEquals(WorkOrderStatus.CANCELLED, move(done, WorkOrderStatus.CANCELLED).status());
    }

    @Test
    void allowedMovesAreExactlyTheDocumentedOnes() {
        Set<String> allowed = new HashSet<>();
        for (WorkOrderStatus from : WorkOrderStatus.values()) {
            for (WorkOrderStatus to : WorkOrderStatus.values()) {
                if (WorkOrderRules.allowed(from, to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertEquals(
                Set.of("AWAITING_DISPATCH>IN_REPAIR", "IN_REPAIR>WAITING", "WAITING>IN_REPAIR", "IN_REPAIR>AWAITING_QC",
                        "AWAITING_QC>IN_REPAIR", "AWAITING_QC>COMPLETED", "COMPLETED>DELIVERED",
                        "AWAITING_DISPATCH>CANCELLED",
                        "IN_REPAIR>CANCELLED", "WAITING>CANCELLED", "AWAITING_QC>CANCELLED", "COMPLETED>CANCELLED"),
                allowed);
    }

    /**
     * The open pages follow a work order through {@link WorkOrderListener#changed}: told once per committed change,
     * the board's moves included (dispatch, clock on and off), with where the work order stands after it; not for a
     * refused change nor a read.
     */
    @Test
    void everyCommittedChangeIsToldToChangedListeners() {
        List<String> changed = new ArrayList<>();
        shop.store.listeners = List.of(new WorkOrderListener() {
            @Override
            public void changed(WorkOrderEvent e) {
                changed.add(e.number() + " " + e.status() + " by " + e.username());
            }
        });
        try {
            WorkOrder wo = approvedOrder(1_000);
            String n = wo.number();
            // opened, a line added, the job approved
            assertEquals(List.of(n + " AWAITING_DISPATCH by wang.advisor", n + " AWAITING_DISPATCH by wang.advisor",
                    n + " AWAITING_DISPATCH by wang.advisor"), changed);
            changed.clear();
            long job = wo.jobs().get(0).id();
            long line = wo.jobs().get(0).lines().get(0).id();
            wo = move(wo, WorkOrderStatus.IN_REPAIR);
            wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech"), "3号工位", FOREMAN);
            shop.clocks.clockOn(wo.id(), job, line, "li.tech", TECH_LI);
            long stale = wo.version() - 1;
            long id = wo.id();
            refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                    () -> shop.dispatch.assign(id, job, stale, List.of("li.tech"), null, FOREMAN));
            shop.workOrders.get(wo.id());
            shop.clocks.clockOff(wo.id(), "li.tech", null, TECH_LI);
            assertEquals(List.of(n + " IN_REPAIR by wang.advisor", n + " IN_REPAIR by sun.foreman",
                    n + " IN_REPAIR by li.tech", n + " IN_REPAIR by li.tech"), changed);
        } finally {
            shop.store.listeners = List.of();
        }
    }

    // ------------------------------------------------------------------ clocks

    @Test
    void clockRules() {
        WorkOrder a = approvedOrder(1_000);
        long jobA = a.jobs().get(0).id();
        long lineA = a.jobs().get(0).lines().get(0).id();
        refused(DmsException.Kind.CONFLICT, "status", "clock.status",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", TECH_LI));
        WorkOrder repairA = move(a, WorkOrderStatus.IN_REPAIR);
        shop.dispatch.assign(a.id(), jobA, repairA.version(), List.of("chen.tech"), null, FOREMAN);
        WorkOrder b = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        long jobB = b.jobs().get(0).id();
        long lineB = b.jobs().get(0).lines().get(0).id();
        WorkOrder withPart = shop.jobs.addLine(b.id(), jobB, b.version(), LineDraft.part("P-9", "滤芯", "1", "50", null),
                ADVISOR);
        assertFalse(withPart.job(jobB).approved(), "a line added after approval changes the price: approve again");
        withPart = shop.jobs.approve(b.id(), jobB, withPart.version(), BY_WECHAT, ADVISOR);
        withPart = shop.dispatch.assign(b.id(), jobB, withPart.version(), List.of("li.tech"), null, FOREMAN);
        long partB = withPart.jobs().get(0).lines().get(1).id();

        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", TECH_CHEN));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", CASHIER));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "technician", "required",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, " ", MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "labourLineId", "not_labour",
                () -> shop.clocks.clockOn(b.id(), jobB, partB, "li.tech", TECH_LI));
        refused(DmsException.Kind.NOT_FOUND, "labourLineId", null,
                () -> shop.clocks.clockOn(a.id(), jobA, lineB, "li.tech", TECH_LI));
        refused(DmsException.Kind.NOT_FOUND, "jobId", null,
                () -> shop.clocks.clockOn(a.id(), jobB, lineB, "li.tech", TECH_LI));
        refused(DmsException.Kind.CONFLICT, "technician", "clock.not_running",
                () -> shop.clocks.clockOff(a.id(), "li.tech", null, TECH_LI));

        // the foreman (manager) clocks a technician on; that technician cannot run a second clock anywhere
        ClockEntry running = shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", MANAGER);
        DmsException twice = refused(DmsException.Kind.CONFLICT, "technician", "clock.running",
                () -> shop.clocks.clockOn(b.id(), jobB, lineB, "li.tech", TECH_LI));
        assertTrue(twice.violations().get(0).messageZh().contains(a.number()), twice.violations().get(0).messageZh());
        refused(DmsException.Kind.CONFLICT, "technician", "clock.running",
                () -> shop.clocks.clockOn(a.id(), jobA, lineA, "li.tech", TECH_LI));
        // another technician may work on the same line at the same time
        shop.clocks.clockOn(a.id(), jobA, lineA, "chen.tech", TECH_CHEN);
        // no QC and no waiting while someone is clocked on
        WorkOrder now = shop.workOrders.get(a.id());
        refused(DmsException.Kind.CONFLICT, "status", "clock.running",
                () -> shop.flow.changeStatus(a.id(), now.version(), WorkOrderStatus.AWAITING_QC, null, null, ADVISOR));
        refused(DmsException.Kind.CONFLICT, "status", "clock.running",
                () -> shop.flow.changeStatus(a.id(), now.version(), WorkOrderStatus.WAITING, WaitReason.PARTS, null,
                        ADVISOR));
        // clocking off on the wrong work order changes nothing
        refused(DmsException.Kind.CONFLICT, "technician", "clock.not_running",
                () -> shop.clocks.clockOff(b.id(), "li.tech", null, TECH_LI));
        refused(DmsException.Kind.INVALID_INPUT, "pauseReason", "too_long",
                () -> shop.clocks.clockOff(a.id(), "li.tech", "等".repeat(201), TECH_LI));

        clock.advance(Duration.ofMinutes(45));
        ClockEntry paused = shop.clocks.clockOff(a.id(), "li.tech", "等配件", TECH_LI);
        assertEquals(running.id(), paused.id());
        assertEquals("等配件", paused.pauseReason());
        // free again: on the other work order now
        shop.clocks.clockOn(b.id(), jobB, lineB, "li.tech", TECH_LI);
        clock.advance(Duration.ofMinutes(15));
        shop.clocks.clockOff(a.id(), "chen.tech", null, TECH_CHEN);
        shop.clocks.clockOff(b.id(), "li.tech", null, TECH_LI);
        // two technicians on one line: 45 + 60 minutes
        assertEquals(yuan("1.75"), shop.workOrders.get(a.id()).jobs().get(0).lines().get(0).actualHours());
        assertEquals(yuan("0.25"), shop.workOrders.get(b.id()).jobs().get(0).lines().get(0).actualHours());
        assertEquals(List.of("li.tech", "chen.tech"),
                shop.clocks.clocks(a.id()).stream().map(ClockEntry::technician).toList());
        assertTrue(shop.workOrders.get(a.id()).version() > repairA.version(),
                "clocks show on the work order, so its version moves");

        // cancelling stops the clocks still running
        WorkOrder c = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        shop.clocks.clockOn(c.id(), c.jobs().get(0).id(), c.jobs().get(0).lines().get(0).id(), "chen.tech", FOREMAN);
        WorkOrder cc = shop.workOrders.get(c.id());
        move(cc, WorkOrderStatus.CANCELLED);
        assertFalse(shop.clocks.clocks(c.id()).get(0).running());
        assertEquals("cancelled", shop.clocks.clocks(c.id()).get(0).pauseReason());
    }

    @Test
    void twoClocksOfOneTechnicianAtTheSameMomentLeaveOneRunning() throws Exception {
        for (int round = 0; round < 5; round++) {
            WorkOrder a = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
            WorkOrder b = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
            String tech = "wu" + round + ".tech";
            List<Object> results = race(2, i -> {
                WorkOrder w = i == 0 ? a : b;
                return shop.clocks.clockOn(w.id(), w.jobs().get(0).id(), w.jobs().get(0).lines().get(0).id(), tech,
                        MANAGER);
            });
            assertEquals(1, results.stream().filter(ClockEntry.class::isInstance).count(), results.toString());
            DmsException e = (DmsException) results.stream().filter(DmsException.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError(results.toString()));
            assertEquals("clock.running", e.violations().get(0).code());
            assertEquals(1, db.count("SELECT COUNT(*) FROM wo_clock WHERE running_technician = '" + tech + "'"));
        }
    }

    // ------------------------------------------------------------------ QC

    @Test
    void qcRules() {
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        refused(DmsException.Kind.CONFLICT, "status", "qc.status",
                () -> shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, true, null, MANAGER));
        WorkOrder qc = move(wo, WorkOrderStatus.AWAITING_QC);
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.FINAL, true, null, TECH_LI));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.FOREMAN, true, null, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.SELF, true, null, CASHIER));
        // the foreman records the foreman's check, the QC inspector the final one, not each other's
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.FINAL, true, null, FOREMAN));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.FOREMAN, true, null, INSPECTOR));
        refused(DmsException.Kind.INVALID_INPUT, "note", "required",
                () -> shop.qc.check(qc.id(), qc.version(), QcLevel.FOREMAN, false, " ", MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "level", "required",
                () -> shop.qc.check(qc.id(), qc.version(), null, true, null, MANAGER));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.qc.check(qc.id(), qc.version() - 1, QcLevel.FINAL, true, null, MANAGER));
        // a foreman's pass (after the technician's own) is not the final one
        WorkOrder self = shop.qc.check(qc.id(), qc.version(), QcLevel.SELF, true, null, TECH_QC);
        WorkOrder foreman = shop.qc.check(self.id(), self.version(), QcLevel.FOREMAN, true, null, FOREMAN);
        assertFalse(foreman.finalQcPassed());
        refused(DmsException.Kind.CONFLICT, "status", "qc.final_missing",
                () -> shop.flow.changeStatus(foreman.id(), foreman.version(), WorkOrderStatus.COMPLETED, null, null,
                        ADVISOR));
        // a final pass does not survive a later rework
        WorkOrder passed = shop.qc.check(foreman.id(), foreman.version(), QcLevel.FINAL, true, null, INSPECTOR);
        assertEquals(List.of("qc.tech", "sun.foreman", "he.inspector"),
                shop.qc.checks(qc.id()).stream().map(q -> q.username()).toList());
        assertTrue(passed.finalQcPassed());
        WorkOrder again = move(move(passed, WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
        assertFalse(again.finalQcPassed());
        assertEquals(0, again.reworkCount());
        WorkOrder failed = shop.qc.check(again.id(), again.version(), QcLevel.FOREMAN, false, "异响仍在", MANAGER);
        assertEquals(WorkOrderStatus.IN_REPAIR, failed.status());
        assertEquals(1, failed.reworkCount());
        WorkOrder failedTwice = shop.qc.check(move(failed, WorkOrderStatus.AWAITING_QC).id(),
                shop.workOrders.get(failed.id()).version(), QcLevel.SELF, false, "仍有异响", TECH_QC);
        assertEquals(2, failedTwice.reworkCount());
    }

    @Test
    void theRequiredQcLevelsAreConfigurable() {
        List<QcLevel> before = shop.store.qcLevels;
        shop.store.qcLevels = List.of(QcLevel.FINAL);
        try {
            WorkOrder wo = move(move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
            wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, true, null, MANAGER);
            assertEquals(WorkOrderStatus.COMPLETED, move(wo, WorkOrderStatus.COMPLETED).status());
        } finally {
            shop.store.qcLevels = before;
        }
        WorkOrder wo = move(move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, TECH_QC);
        WorkOrder noForeman = wo;
        DmsException e = refused(DmsException.Kind.CONFLICT, "level", "qc.out_of_order",
                () -> shop.qc.check(noForeman.id(), noForeman.version(), QcLevel.FINAL, true, null, MANAGER));
        assertTrue(e.violations().get(0).messageEn().contains("FOREMAN"), e.getMessage());
        assertFalse(e.violations().get(0).messageEn().contains("SELF"), e.getMessage());
    }

    // ------------------------------------------------------------------ workshop rules

    @Test
    void aTechnicianClocksOnlyOnJobsDispatchedToHimAndTheForemanAssignsOnTheSpot() {
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        long job = wo.jobs().get(0).id();
        long line = wo.jobs().get(0).lines().get(0).id();
        DmsException e = refused(DmsException.Kind.CONFLICT, "technician", "clock.not_dispatched",
                () -> shop.clocks.clockOn(wo.id(), job, line, "li.tech", TECH_LI));
        assertTrue(e.violations().get(0).messageZh().contains("尚未派工"), e.getMessage());
        WorkOrder toChen = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("chen.tech"), null, FOREMAN);
        DmsException other = refused(DmsException.Kind.CONFLICT, "technician", "clock.not_dispatched",
                () -> shop.clocks.clockOn(wo.id(), job, line, "li.tech", TECH_LI));
        assertTrue(other.violations().get(0).messageEn().contains("chen.tech"), other.getMessage());
        shop.clocks.clockOn(wo.id(), job, line, "chen.tech", TECH_CHEN);

        // the foreman sends li.tech to help: clocking him on dispatches the job to him as well, in one step
        clock.advance(Duration.ofMinutes(5));
        shop.clocks.clockOn(wo.id(), job, line, "li.tech", FOREMAN);
        assertEquals(List.of(new Assignment(job, List.of("chen.tech", "li.tech"), null, clock.now(), "sun.foreman")),
                shop.dispatch.assignments(wo.id()));
        assertTrue(shop.workOrders.timeline(wo.id()).stream().anyMatch(t -> t.kind().equals("DISPATCHED")
                && t.at().equals(clock.now()) && t.textEn().contains("chen.tech, li.tech")),
                "the dispatch is on the timeline");
        shop.clocks.clockOff(wo.id(), "li.tech", null, TECH_LI);
        // dispatched now, li.tech clocks on by himself
        shop.clocks.clockOn(wo.id(), job, line, "li.tech", TECH_LI);
        assertTrue(shop.workOrders.get(wo.id()).version() > toChen.version());
        shop.clocks.clockOff(wo.id(), "li.tech", null, TECH_LI);
        shop.clocks.clockOff(wo.id(), "chen.tech", null, TECH_CHEN);
    }

    @Test
    void onlyApprovedJobsWithLinesAreDispatched() {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("异响")), BY_WECHAT),
                ADVISOR);
        long job = wo.jobs().get(0).id();
        assertTrue(wo.job(job).approved());
        WorkOrder empty = wo;
        refused(DmsException.Kind.CONFLICT, "jobId", "job.empty",
                () -> shop.dispatch.assign(empty.id(), job, empty.version(), List.of("li.tech"), null, FOREMAN));
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), LineDraft.labour("LAB-1", "检查底盘异响", "1", "100"), ADVISOR);
        assertFalse(wo.job(job).approved(), "the line changed the price");
        WorkOrder unapproved = wo;
        refused(DmsException.Kind.CONFLICT, "jobId", "job.unapproved",
                () -> shop.dispatch.assign(unapproved.id(), job, unapproved.version(), List.of("li.tech"), null,
                        FOREMAN));
        wo = shop.jobs.approve(wo.id(), job, wo.version(), BY_WECHAT, ADVISOR);
        wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech"), null, FOREMAN);
        assertEquals(List.of("li.tech"), shop.dispatch.assignments(wo.id()).get(0).technicians());
    }

    @Test
    void noQcWithoutClockedLabourUnlessTheForemanSaysWhy() {
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        DmsException e = refused(DmsException.Kind.CONFLICT, "note", "qc.no_labour_clocked",
                () -> shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, null, ADVISOR));
        assertTrue(e.violations().get(0).messageZh().contains(wo.number()), e.getMessage());
        // the advisor's word is not enough, nor the foreman's silence
        refused(DmsException.Kind.CONFLICT, "note", "qc.no_labour_clocked",
                () -> shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, "客户自带配件",
                        ADVISOR));
        refused(DmsException.Kind.CONFLICT, "note", "qc.no_labour_clocked",
                () -> shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, " ", FOREMAN));
        WorkOrder qc = shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, "仅检查，未动工",
                FOREMAN);
        assertEquals(WorkOrderStatus.AWAITING_QC, qc.status());
        StatusChange toQc = shop.workOrders.history(wo.id()).get(2);
        assertTrue(toQc.reason().contains("仅检查，未动工") && toQc.reason().contains("未登记工时"), toQc.reason());
        assertTrue(shop.workOrders.timeline(wo.id()).stream().anyMatch(t -> t.textZh().contains("仅检查，未动工")));
        // with the foreman's reason the checks go on
        assertEquals(Set.of(), Set.copyOf(shop.clocks.clocks(wo.id())));
        WorkOrder checked = shop.qc.check(qc.id(), qc.version(), QcLevel.SELF, true, null, MANAGER);
        assertEquals(WorkOrderStatus.AWAITING_QC, checked.status());

        // clocked labour needs no reason
        WorkOrder clocked = labourClocked(move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR));
        assertEquals(WorkOrderStatus.AWAITING_QC, shop.flow.changeStatus(clocked.id(), clocked.version(),
                WorkOrderStatus.AWAITING_QC, null, null, ADVISOR).status());
    }

    @Test
    void qcLevelsPassInTheirOrderSinceTheLastRework() {
        WorkOrder wo = move(move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
        WorkOrder fresh = wo;
        DmsException e = refused(DmsException.Kind.CONFLICT, "level", "qc.out_of_order",
                () -> shop.qc.check(fresh.id(), fresh.version(), QcLevel.FOREMAN, true, null, FOREMAN));
        assertTrue(e.violations().get(0).messageEn().contains("SELF"), e.getMessage());
        refused(DmsException.Kind.CONFLICT, "level", "qc.out_of_order",
                () -> shop.qc.check(fresh.id(), fresh.version(), QcLevel.FINAL, true, null, INSPECTOR));
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, TECH_QC);
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FOREMAN, true, null, FOREMAN);
        // the inspector finds a fault: rework, and the self check is due again before the foreman's
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, false, "刹车异响", INSPECTOR);
        wo = move(wo, WorkOrderStatus.AWAITING_QC);
        WorkOrder reworked = wo;
        refused(DmsException.Kind.CONFLICT, "level", "qc.out_of_order",
                () -> shop.qc.check(reworked.id(), reworked.version(), QcLevel.FOREMAN, true, null, FOREMAN));
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, TECH_QC);
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FOREMAN, true, null, FOREMAN);
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.FINAL, true, null, INSPECTOR);
        assertTrue(wo.finalQcPassed());
        // without a configured SELF level, the foreman checks first
        List<QcLevel> before = shop.store.qcLevels;
        shop.store.qcLevels = List.of(QcLevel.FOREMAN, QcLevel.FINAL);
        try {
            WorkOrder w = move(move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR), WorkOrderStatus.AWAITING_QC);
            w = shop.qc.check(w.id(), w.version(), QcLevel.FOREMAN, true, null, FOREMAN);
            assertTrue(shop.qc.check(w.id(), w.version(), QcLevel.FINAL, true, null, INSPECTOR).finalQcPassed());
        } finally {
            shop.store.qcLevels = before;
        }
    }

    @Test
    void aSecondOpenWorkOrderForTheSameCarNeedsTheAdvisorsConfirmation() {
        Vehicle v = knownVehicle();
        WorkOrder first = shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("保养")), null),
                ADVISOR);
        DmsException e = refused(DmsException.Kind.CONFLICT, "confirmSecondOpen", "vehicle.open_work_order",
                () -> shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("洗车")), null),
                        ADVISOR));
        assertTrue(e.violations().get(0).messageZh().contains(first.number()), e.getMessage());
        assertTrue(e.violations().get(0).messageEn().contains(first.number()), e.getMessage());
        WorkOrder second = shop.reception.open(secondOpenConfirmed(reception(v.plate(), 1_000,
                List.of(JobDraft.customer("洗车")), null)), ADVISOR);
        assertEquals(v.id(), second.vehicleId());
        // once both are gone (delivered, cancelled), the next visit opens without a word
        move(first, WorkOrderStatus.CANCELLED);
        move(second, WorkOrderStatus.CANCELLED);
        assertEquals(WorkOrderStatus.AWAITING_DISPATCH, shop.reception.open(reception(v.plate(), 1_000,
                List.of(JobDraft.customer("保养")), null), ADVISOR).status());
    }

    @Test
    void dispatchAndTheSkillTableTakeOnlyKnownActiveTechnicians() {
        shop.technicians.disabled.add("left.tech");
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        long job = wo.jobs().get(0).id();
        long line = wo.jobs().get(0).lines().get(0).id();
        DmsException e = refused(DmsException.Kind.INVALID_INPUT, "technicians[1]", "technician.unknown",
                () -> shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech", "lee.tehc", "left.tech"),
                        null, FOREMAN));
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("technicians[2]")), e.getMessage());
        assertFalse(e.violations().stream().anyMatch(v -> v.field().equals("technicians[0]")), e.getMessage());
        assertTrue(e.violations().get(0).messageZh().contains("lee.tehc"), e.getMessage());
        refused(DmsException.Kind.INVALID_INPUT, "technician", "technician.unknown",
                () -> shop.dispatch.setSkill("left.tech", "BODY", 3, FOREMAN));
        refused(DmsException.Kind.INVALID_INPUT, "technician", "technician.unknown",
                () -> shop.clocks.clockOn(wo.id(), job, line, "nobody", FOREMAN));
        assertEquals(List.of(), shop.dispatch.assignments(wo.id()));
        // a skill of someone who left can still be removed
        shop.dispatch.setSkill("left.tech", "BODY", 0, FOREMAN);
    }

    @Test
    void theAdvisorNamedAtReceptionIsAnActiveAdvisorOrManager() {
        Vehicle v = knownVehicle();
        ReceptionDraft d = reception(v.plate(), 1_000, List.of(JobDraft.customer("异响")), null);
        for (String[] bad : List.of(new String[] { "li.tech", "staff.role" },
                new String[] { "cashier", "staff.role" }, new String[] { "nobody", "staff.unknown" })) {
            DmsException e = refused(DmsException.Kind.INVALID_INPUT, "advisor", bad[1],
                    () -> shop.reception.open(new ReceptionDraft(d.plate(), null, null, d.mileageKm(), null, null,
                            null, d.concerns(), bad[0], null, d.visitTypes(), null), ADVISOR));
            assertTrue(e.violations().get(0).messageZh().contains(bad[0]), e.getMessage());
        }
        shop.technicians.disabled.add("gone.advisor");
        refused(DmsException.Kind.INVALID_INPUT, "advisor", "staff.unknown",
                () -> shop.reception.open(new ReceptionDraft(d.plate(), null, null, d.mileageKm(), null, null, null,
                        d.concerns(), "gone.advisor", null, d.visitTypes(), null), ADVISOR));
        assertEquals("zhao.manager", shop.reception.open(new ReceptionDraft(d.plate(), null, null, d.mileageKm(), null,
                null, null, d.concerns(), "zhao.manager", null, d.visitTypes(), null), ADVISOR).advisor());
    }

    /** A work order IN_REPAIR whose one job holds a labour line of an operation needing the skill. */
    WorkOrder needing(String operation, String skill) {
        try {
            shop.catalogue.get(operation);
        } catch (DmsException absent) {
            shop.catalogue.save(new LabourOperationDraft(operation, "工时 " + operation, yuan("1"), skill, null), null,
                    MANAGER);
        }
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("高压故障")), null),
                ADVISOR);
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(),
                new LineDraft(LineType.LABOUR, operation, null, null, null, null, null),
                ADVISOR);
        return shop.jobs.approve(wo.id(), job, wo.version(), BY_WECHAT, ADVISOR);
    }

    @Test
    void aJobGoesToTechniciansWithItsSkillOrTheForemanSaysWhy() {
        WorkOrder wo = needing("HV-10", "HIGH_VOLTAGE");
        long job = wo.jobs().get(0).id();
        shop.dispatch.setSkill("hv2.tech", "HIGH_VOLTAGE", 3, FOREMAN);
        DmsException e = refused(DmsException.Kind.CONFLICT, "technicians[1]", "technician.lacks_skill",
                () -> shop.dispatch.assign(wo.id(), job, wo.version(), List.of("hv2.tech", "novice.tech"), null,
                        FOREMAN));
        assertTrue(e.violations().get(0).messageZh().contains("高压电工"), e.getMessage());
        assertTrue(e.violations().get(0).messageZh().contains("novice.tech"), e.getMessage());
        // a cashier is no technician, whatever the reason
        refused(DmsException.Kind.INVALID_INPUT, "technicians[0]", "technician.unknown",
                () -> shop.dispatch.assign(wo.id(), job, wo.version(), List.of("cashier"), null, "没人了", FOREMAN));

        WorkOrder skilled = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("hv2.tech"), null, FOREMAN);
        WorkOrder overridden = shop.dispatch.assign(wo.id(), job, skilled.version(),
                List.of("hv2.tech", "novice.tech"), "B2", "跟师学习，由 hv2.tech 全程监护", FOREMAN);
        assertEquals(List.of(List.of("hv2.tech", "novice.tech")),
                shop.dispatch.assignments(overridden.id()).stream().map(Assignment::technicians).toList());
        TimelineEntry why = shop.workOrders.timeline(wo.id()).stream()
                .filter(t -> t.kind().equals("SKILL_OVERRIDE")).findFirst().orElseThrow();
        assertEquals("sun.foreman", why.username());
        assertTrue(why.textZh().contains("novice.tech") && why.textZh().contains("跟师学习"), why.textZh());
        assertTrue(why.textZh().contains("高压电工"), why.textZh());
    }

    @Test
    void aTechnicianActsOnlyOnWorkDispatchedToHimAndWhoActsForHimIsRecorded() {
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        long job = wo.jobs().get(0).id();
        long line = wo.jobs().get(0).lines().get(0).id();
        wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech"), null, FOREMAN);
        WorkOrder dispatched = wo;
        // chen.tech works elsewhere: neither findings nor a self check here
        refused(DmsException.Kind.FORBIDDEN, "jobId", "job.not_assigned", () -> shop.jobs
                .recordFindings(dispatched.id(), job, dispatched.version(), "我看看", null, TECH_CHEN));
        wo = shop.jobs.recordFindings(wo.id(), job, wo.version(), "球头松旷", null, TECH_LI);

        // the foreman clocks li.tech on and off, and records his correction: each recorded as acting for him
        shop.clocks.clockOn(wo.id(), job, line, "li.tech", FOREMAN);
        shop.clocks.clockOff(wo.id(), "li.tech", null, FOREMAN);
        wo = shop.workOrders.get(wo.id());
        wo = shop.jobs.recordFindings(wo.id(), job, wo.version(), "球头松旷", "更换球头", FOREMAN);
        wo = shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.AWAITING_QC, null, null, FOREMAN);
        WorkOrder atQc = wo;
        refused(DmsException.Kind.FORBIDDEN, "level", "job.not_assigned",
                () -> shop.qc.check(atQc.id(), atQc.version(), QcLevel.SELF, true, null, TECH_CHEN));
        wo = shop.qc.check(wo.id(), wo.version(), QcLevel.SELF, true, null, MANAGER);

        List<String> actedFor = shop.workOrders.timeline(wo.id()).stream()
                .filter(t -> t.kind().equals("ACTED_FOR")).map(t -> t.username() + ": " + t.textZh()).toList();
        assertEquals(List.of("sun.foreman: sun.foreman 代 li.tech 开工计时", "sun.foreman: sun.foreman 代 li.tech 停工计时",
                "sun.foreman: sun.foreman 代 li.tech 登记故障原因和维修措施", "zhao.manager: zhao.manager 代 li.tech 登记自检"),
                actedFor);
    }

    @Test
    void aTechnicianConfirmsALowerOdometerOnlyOnACarHeWorksOn() {
        WorkOrder wo = move(approvedOrder(20_000), WorkOrderStatus.IN_REPAIR);
        Vehicle other = knownVehicle();
        vehicles.recordOdometer(other.id(), 50_000, "manual", false, ADVISOR);
        DmsException e = assertThrows(DmsException.class,
                () -> vehicles.recordOdometer(other.id(), 10_000, "manual", true, TECH_LI));
        assertEquals(List.of(DmsException.Kind.FORBIDDEN, "confirmLower", "vehicle.not_assigned"),
                List.of(e.kind(), e.violations().get(0).field(), e.violations().get(0).code()));
        assertEquals(50_000, vehicles.odometerHistory(other.id()).get(0).km());

        long vehicle = vehicles.findByPlate(wo.plate()).orElseThrow().id();
        assertThrows(DmsException.class, () -> vehicles.recordOdometer(vehicle, 19_000, "workshop", true, TECH_LI));
        shop.dispatch.assign(wo.id(), wo.jobs().get(0).id(), wo.version(), List.of("li.tech"), null, FOREMAN);
        assertTrue(vehicles.recordOdometer(vehicle, 19_000, "workshop", true, TECH_LI).confirmedLower());
    }

    @Test
    void eachJobKeepsTheCauseFoundAndTheCorrectionDoneUntilTheWorkOrderCloses() {
        WorkOrder wo = move(approvedOrder(1_000), WorkOrderStatus.IN_REPAIR);
        long job = wo.jobs().get(0).id();
        wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech"), null, FOREMAN);
        assertNull(wo.job(job).findings());
        WorkOrder before = wo;
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.jobs.recordFindings(before.id(), job, before.version(), "x", "y", CASHIER));
        refused(DmsException.Kind.INVALID_INPUT, "cause", "too_long",
                () -> shop.jobs.recordFindings(before.id(), job, before.version(), "因".repeat(1001), "y", TECH_LI));
        refused(DmsException.Kind.INVALID_INPUT, "correction", "control_character",
                () -> shop.jobs.recordFindings(before.id(), job, before.version(), "x", "a\u0007b", TECH_LI));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.jobs.recordFindings(before.id(), job, before.version() - 1, "x", "y", TECH_LI));
        clock.advance(Duration.ofMinutes(30));
        wo = shop.jobs.recordFindings(wo.id(), job, wo.version(), "右前稳定杆连杆球头松旷", null, TECH_LI);
        assertEquals(new Findings("右前稳定杆连杆球头松旷", null, clock.now(), "li.tech"), wo.job(job).findings());
        wo = shop.jobs.recordFindings(wo.id(), job, wo.version(), " 右前稳定杆连杆球头松旷 ", "更换右前稳定杆连杆\n试车异响消除",
                FOREMAN);
        assertEquals("更换右前稳定杆连杆\n试车异响消除", shop.workOrders.get(wo.id()).job(job).findings().correction());
        assertEquals("右前稳定杆连杆球头松旷", wo.job(job).findings().cause());
        assertTrue(shop.workOrders.timeline(wo.id()).stream().anyMatch(t -> t.kind().equals("FINDINGS")
                && t.username().equals("sun.foreman") && t.textZh().contains("故障原因：右前稳定杆连杆球头松旷")
                && t.textEn().contains("correction: 更换右前稳定杆连杆")), "the findings are on the timeline");
        WorkOrder closed = move(passQc(move(wo, WorkOrderStatus.AWAITING_QC)), WorkOrderStatus.COMPLETED);
        refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> shop.jobs.recordFindings(closed.id(), job, closed.version(), "x", "y", MANAGER));
        assertEquals("右前稳定杆连杆球头松旷", shop.workOrders.get(wo.id()).job(job).findings().cause());
    }

    // ------------------------------------------------------------------ comebacks

    @Test
    void proposesAComebackWithinThirtyDaysOrThreeThousandKmAndRecordsTheDecision() {
        WorkOrder first = deliver(approvedOrder(50_000));
        String plate = first.plate();
        clock.advance(Duration.ofDays(10));
        WorkOrder back = shop.reception.open(reception(plate, 50_400, List.of(JobDraft.customer("异响又出现")), null),
                ADVISOR);
        assertEquals(first.id(), back.comebackOfId());
        assertEquals(first.number(), back.comebackOfNumber());
        assertEquals(ComebackDecision.PROPOSED, back.comebackDecision());
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.qc.confirmComeback(back.id(), back.version() + 1, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.qc.confirmComeback(back.id(), back.version(), TECH_LI));
        WorkOrder confirmed = shop.qc.confirmComeback(back.id(), back.version(), ADVISOR);
        assertEquals(ComebackDecision.CONFIRMED, confirmed.comebackDecision());
        refused(DmsException.Kind.CONFLICT, "comeback", "comeback.decided",
                () -> shop.qc.rejectComeback(confirmed.id(), confirmed.version(), ADVISOR));
        assertEquals(ComebackDecision.CONFIRMED, shop.workOrders.get(back.id()).comebackDecision());

        // 40 days and 5000 km later: no link
        WorkOrder second = deliver(approvedOrder(80_000));
        clock.advance(Duration.ofDays(40));
        WorkOrder unrelated = shop.reception
                .open(reception(second.plate(), 85_000, List.of(JobDraft.customer("保养")), null), ADVISOR);
        assertNull(unrelated.comebackOfId());
        assertNull(unrelated.comebackDecision());
        refused(DmsException.Kind.CONFLICT, "comeback", "comeback.none",
                () -> shop.qc.confirmComeback(unrelated.id(), unrelated.version(), ADVISOR));
        // 40 days but only 1000 km later (a car that is hardly driven): proposed by the km window; the advisor rejects
        WorkOrder third = deliver(approvedOrder(90_000));
        clock.advance(Duration.ofDays(40));
        WorkOrder byKm = shop.reception.open(reception(third.plate(), 91_000, List.of(JobDraft.customer("洗车")), null),
                ADVISOR);
        assertEquals(third.id(), byKm.comebackOfId());
        WorkOrder rejected = shop.qc.rejectComeback(byKm.id(), byKm.version(), ADVISOR);
        assertEquals(ComebackDecision.REJECTED, rejected.comebackDecision());
        assertEquals(third.id(), rejected.comebackOfId());
        // only a delivered work order is a comeback candidate
        WorkOrder open = approvedOrder(10_000);
        WorkOrder sameCar = shop.reception.open(secondOpenConfirmed(reception(open.plate(), 10_100,
                List.of(JobDraft.customer("x")), null)), ADVISOR);
        assertNull(sameCar.comebackOfId());
    }

    @Test
    void theComebackWindowIsConfigurable() {
        Workshop strict = new Workshop(skills,
                new WorkOrderStore(shop.store.jpa, clock, new BigDecimal("0.13"), 7, 500),
                vehicles,
                null);
        WorkOrder first = deliver(approvedOrder(20_000));
        clock.advance(Duration.ofDays(10));
        assertNull(strict.reception
                .open(reception(first.plate(), 20_600, List.of(JobDraft.customer("a")), null), ADVISOR).comebackOfId());
        assertEquals(first.id(), shop.reception.open(secondOpenConfirmed(reception(first.plate(), 20_600,
                List.of(JobDraft.customer("a")), null)), ADVISOR).comebackOfId());
    }

    // ------------------------------------------------------------------ numbering and concurrency

    @Test
    void concurrentOpeningsNeverShareANumber() throws Exception {
        int threads = 6;
        int each = 4;
        // a day nobody opened a work order on yet: the threads also race to create the day's counter
        clock.advance(Duration.ofDays(2000));
        List<Vehicle> cars = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            cars.add(knownVehicle());
        }
        String day = java.time.format.DateTimeFormatter.BASIC_ISO_DATE
                .format(LocalDate.ofInstant(clock.now(), MutableShopClock.SHANGHAI));
        List<Object> results = race(threads, i -> {
            List<String> numbers = new ArrayList<>();
            for (int k = 0; k < each; k++) {
                numbers.add(shop.reception.open(secondOpenConfirmed(reception(cars.get(i).plate(), 1_000 + k,
                        List.of(JobDraft.customer("保养")), null)), ADVISOR).number());
            }
            return numbers;
        });
        List<String> numbers = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Throwable t) {
                throw new AssertionError("an opening failed", t);
            }
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) r;
            numbers.addAll(list);
        }
        assertEquals(threads * each, numbers.size());
        assertEquals(threads * each, new HashSet<>(numbers).size(), numbers.toString());
        assertTrue(numbers.stream().allMatch(n -> n.matches("WO" + day + "-\\d{4}")), numbers.toString());
        // 0001 to 0024: none skipped, none twice
        List<Integer> serials = numbers.stream().map(n -> Integer.parseInt(n.substring(11))).sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, threads * each).boxed().toList(), serials);
    }

    @Test
    void numbersStartAgainEachShopLocalDay() {
        // 23:59 and 00:01 in Shanghai are different days even though both are the same UTC date
        clock.advance(Duration.ofDays(400));
        Instant base = clock.now();
        LocalDate shopDay = LocalDate.ofInstant(base, MutableShopClock.SHANGHAI);
        Instant lateEvening = shopDay.atTime(23, 59).atZone(MutableShopClock.SHANGHAI).toInstant();
        clock.advance(Duration.between(base, lateEvening));
        WorkOrder late = approvedOrder(1_000);
        clock.advance(Duration.ofMinutes(2));
        WorkOrder early = approvedOrder(1_000);
        WorkOrder second = approvedOrder(1_000);
        String d1 = java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(shopDay);
        String d2 = java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(shopDay.plusDays(1));
        assertEquals("WO" + d1 + "-0001", late.number());
        assertEquals("WO" + d2 + "-0001", early.number());
        assertEquals("WO" + d2 + "-0002", second.number());
    }

    @Test
    void aStaleVersionIsRefusedAndTheNewerChangeKept() throws Exception {
        WorkOrder wo = approvedOrder(1_000);
        WorkOrder changed = shop.jobs.addJob(wo.id(), wo.version(), JobDraft.customer("洗车"), ADVISOR);
        assertEquals(wo.version() + 1, changed.version());
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.jobs.addJob(wo.id(), wo.version(), JobDraft.customer("打蜡"), ADVISOR));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                        LineDraft.labour("X", "x", "1", "1"), ADVISOR));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.jobs.approve(wo.id(), changed.jobs().get(1).id(), wo.version(), BY_WECHAT, ADVISOR));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR));
        assertEquals(List.of("异响", "洗车"), shop.workOrders.get(wo.id()).jobs().stream().map(Job::concern).toList());
        refused(DmsException.Kind.NOT_FOUND, "id", null,
                () -> shop.jobs.addJob(Long.MAX_VALUE, 1, JobDraft.customer("x"), ADVISOR));
        assertEquals(DmsException.Kind.NOT_FOUND,
                assertThrows(DmsException.class, () -> shop.workOrders.get(Long.MAX_VALUE)).kind());
        assertEquals(DmsException.Kind.NOT_FOUND,
                assertThrows(DmsException.class, () -> shop.workOrders.history(Long.MAX_VALUE)).kind());

        // two desks with the same copy at the same moment: one wins, the other is told to re-read
        List<Object> results = race(2,
                i -> shop.jobs.addJob(changed.id(), changed.version(), JobDraft.customer("并发" + i), ADVISOR));
        assertEquals(1, results.stream().filter(WorkOrder.class::isInstance).count(), results.toString());
        DmsException e = (DmsException) results.stream().filter(DmsException.class::isInstance).findFirst()
                .orElseThrow();
        assertEquals("stale_version", e.violations().get(0).code());
        assertEquals(3, shop.workOrders.get(wo.id()).jobs().size());
    }

    // ------------------------------------------------------------------ bad input: each rule, nothing changed

    @Test
    void anUnknownPlateNeedsAVinAndAnOwnerAndRegistersNothingWithoutThem() {
        String plate = newPlate();
        DmsException e = refused(DmsException.Kind.INVALID_INPUT, "vin", "required",
                () -> shop.reception.open(reception(plate, 1_000, List.of(), null), ADVISOR));
        assertEquals(List.of("vin", "ownerId"), e.violations().stream().map(Violation::field).toList());
        assertTrue(vehicles.findByPlate(plate).isEmpty());
        // the vehicle archive's own refusal (an unknown owner) comes through with its field
        refused(DmsException.Kind.INVALID_INPUT, "ownerId", "customer.unknown",
                () -> shop.reception.open(new ReceptionDraft(plate,
                        newVin(), Long.MAX_VALUE, 1_000, null, null, null, List.of(), null, null, Set.of(VisitType.PDI),
                        null), ADVISOR));
    }

    @Test
    void eachBadReceptionFieldIsRefusedAndNothingStored() {
        Vehicle v = knownVehicle();
        String p = v.plate();
        Instant later = clock.now().plus(Duration.ofHours(2));
        Set<VisitType> repair = Set.of(VisitType.GENERAL_REPAIR);
        List<JobDraft> one = List.of(JobDraft.customer("异响"));
        refused(DmsException.Kind.INVALID_INPUT, "plate", "required",
                () -> shop.reception.open(
                        new ReceptionDraft(" ", null, null, 1000, null, null, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "plate", null,
                () -> shop.reception.open(new ReceptionDraft("京I12345", null, null, 1000, null, null, null, one, null,
                        later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "vin", "vin.mismatch",
                () -> shop.reception.open(
                        new ReceptionDraft(p, newVin(), null, 1000, null, null, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "mileageKm", "required",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, null, null, null, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "mileageKm", "out_of_range",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, -1, null, null, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "mileageKm", "out_of_range",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, 2_000_001, null, null, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "fuelPercent", "out_of_range",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, 1000, null, 101, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "fuelPercent", "out_of_range",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, 1000, null, -1, null, one, null, later, repair, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "walkAround", "too_long",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, "划".repeat(2001), one,
                        null, later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "concerns[1].concern", "required",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, null,
                        List.of(JobDraft.customer("a"), JobDraft.customer(" ")), null, later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "concerns[0].concern", "too_long",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, null,
                        List.of(JobDraft.customer("x".repeat(501))), null, later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "concerns", "too_many",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, null,
                        Collections.nCopies(51, JobDraft.customer("a")), null, later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "advisor", "username.format",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, null, one, "wang advisor",
                        later, repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "promisedAt", "in_past",
                () -> shop.reception.open(new ReceptionDraft(p, null, null, 1000, null, null, null, one, null,
                        clock.now().minus(Duration.ofHours(1)), repair, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "visitTypes", "required",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, 1000, null, null, null, one, null, later, Set.of(), null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "visitTypes", "required",
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, 1000, null, null, null, one, null, later, null, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "approval.approvedBy", "required",
                () -> shop.reception
                        .open(new ReceptionDraft(p, null, null, 1000, null, null, null, one, null, later, repair,
                                new ApprovalDraft(" ", ApprovalChannel.SMS)), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "approval.channel", "required",
                () -> shop.reception
                        .open(new ReceptionDraft(p, null, null, 1000, null, null, null, one, null, later, repair,
                                new ApprovalDraft("张伟", null)), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "", "required", () -> shop.reception.open(null, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.reception.open(reception(p, 1000, one, null), TECH_LI));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.reception.open(reception(p, 1000, one, null), null));
        // every wrong field at once
        DmsException all = refused(DmsException.Kind.INVALID_INPUT, "mileageKm", null,
                () -> shop.reception.open(
                        new ReceptionDraft(p, null, null, -5, null, 200, null, List.of(JobDraft.customer("")), null,
                                clock.now().minus(Duration.ofDays(1)), Set.of(), null),
                        ADVISOR));
        assertEquals(List.of("mileageKm", "fuelPercent", "concerns[0].concern", "promisedAt", "visitTypes"),
                all.violations().stream().map(Violation::field).toList());
        // and the same draft, corrected, opens
        assertNotNull(shop.reception
                .open(new ReceptionDraft(p, v.vin().toLowerCase(), null, 1000, null, 100, null, one, " ", later,
                        repair, null), ADVISOR)
                .number());
    }

    @Test
    void aLowerMileageThanLastTimeNeedsConfirmationNamingTheFieldSent() {
        Vehicle v = knownVehicle();
        vehicles.recordOdometer(v.id(), 30_000, "manual", false, ADVISOR);
        refused(DmsException.Kind.CONFLICT, "mileageKm", "odometer.lower",
                () -> shop.reception.open(reception(v.plate(), 29_000, List.of(JobDraft.customer("a")), null),
                        ADVISOR));
        WorkOrder wo = shop.reception.open(new ReceptionDraft(v.plate(), null, null, 29_000, true, null, null,
                List.of(JobDraft.customer("仪表更换后")), null, null, Set.of(VisitType.GENERAL_REPAIR), null), ADVISOR);
        assertEquals(29_000, wo.mileageInKm());
        assertTrue(vehicles.odometerHistory(v.id()).get(0).confirmedLower());
    }

    @Test
    void eachBadLineIsRefusedAndNothingStored() {
        WorkOrder wo = approvedOrder(1_000);
        WorkOrder other = approvedOrder(1_000);
        long job = wo.jobs().get(0).id();
        long id = wo.id();
        long ver = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "quantity", "out_of_range",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour("L", "x", "0", "100"), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "quantity", "out_of_range",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour("L", "x", "-1", "100"), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "quantity", "out_of_range",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour("L", "x", "10000", "100"), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "quantity", "required",
                () -> shop.jobs.addLine(id, job, ver,
                        new LineDraft(LineType.FEE, null, "x", null, yuan("1"), null, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "scale",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P", "x", "3", "33.335", null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "out_of_range",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P", "x", "1", "-0.01", null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "discount", "discount.too_high",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P", "x", "2", "10", null).withDiscount("20.01"),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "discount", "out_of_range",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P", "x", "2", "10", null).withDiscount("-1"),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "code", "required",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour(null, "x", "1", "1"), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "code", "code.format",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P 1;", "x", "1", "1", null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "description", "required",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.part("P", " ", "1", "1", null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "code", "labour.unknown_operation",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour("NOT-IN-CATALOGUE", "x", "1", "1"), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "type", "required",
                () -> shop.jobs.addLine(id, job, ver, new LineDraft(null, "L", "x", yuan("1"), yuan("1"), null, null),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "stockItemId", "part_only",
                () -> shop.jobs.addLine(id, job, ver,
                        new LineDraft(LineType.LABOUR, "L", "x", yuan("1"), yuan("1"), null, 5L), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "", "required", () -> shop.jobs.addLine(id, job, ver, null, ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "jobId", "not_found",
                () -> shop.jobs.addLine(id, other.jobs().get(0).id(), ver, LineDraft.labour("L", "x", "1", "1"),
                        ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.jobs.addLine(id, job, ver, LineDraft.labour("L", "x", "1", "1"), TECH_LI));
        // the edges that are allowed (a discount of the whole line is the manager's, with a reason)
        WorkOrder ok = shop.jobs.addLine(id, job, ver,
                LineDraft.part("P-2", "x", "2", "10", null).withDiscount("20").because("赠送"), MANAGER);
        assertEquals(yuan("0.00"), ok.jobs().get(0).lines().get(1).net());
        ok = shop.jobs.addLine(id, job, ok.version(),
                new LineDraft(LineType.FEE, null, "免费检测", yuan("1"), yuan("0"), null, null), ADVISOR);
        assertEquals(3, ok.jobs().get(0).lines().size());
    }

    // ------------------------------------------------------------------ reception brief and appointments

    LocalDate shopDay() {
        return LocalDate.ofInstant(clock.now(), MutableShopClock.SHANGHAI);
    }

    @Test
    void theReceptionBriefShowsRecentVisitsMaintenanceInsuranceAndInspectionDue() {
        // the vehicle file knows the due dates as they will stand 100 days from now
        LocalDate visitDay = shopDay().plusDays(100);
        Vehicle v = vehicles.create(new VehicleDraft(newVin(), newPlate(), "丰田", "卡罗拉", 2021, null, null, null, owner,
                null, visitDay.plusDays(20), visitDay.minusDays(3), null), ADVISOR);
        ReceptionBrief firstVisit = shop.reception.receptionBrief(shop.reception.open(
                new ReceptionDraft(v.plate(), null, null, 10_000,
                        null, null, null, List.of(JobDraft.customer("首保")), null, null, Set.of(VisitType.MAINTENANCE),
                        null),
                ADVISOR).id());
        assertEquals(List.of(), firstVisit.recentVisits(), "a first visit has no history here");
        assertNull(firstVisit.maintenance(), "no maintenance on record yet");
        WorkOrder maintenance = shop.workOrders.get(firstVisit.workOrderId());
        maintenance = shop.jobs.addLine(maintenance.id(), maintenance.jobs().get(0).id(), maintenance.version(),
                new LineDraft(LineType.LABOUR, "BY-01", null, null, null, null, null), ADVISOR);
        maintenance = deliver(shop.jobs.approve(maintenance.id(), maintenance.jobs().get(0).id(), maintenance.version(),
                BY_WECHAT, ADVISOR));
        LocalDate maintainedOn = shopDay();
        WorkOrder cancelled = shop.reception.open(reception(v.plate(), 10_050, List.of(JobDraft.customer("洗车")), null),
                ADVISOR);
        move(cancelled, WorkOrderStatus.CANCELLED);

        clock.advance(Duration.ofDays(100));
        WorkOrder today = shop.reception.open(reception(v.plate(), 15_200, List.of(JobDraft.customer("刹车异响")), null),
                ADVISOR);
        ReceptionBrief brief = shop.reception.receptionBrief(today.id());
        assertEquals(List.of(v.id(), v.plate(), "丰田", "卡罗拉", 15_200),
                List.of(brief.vehicleId(), brief.plate(), brief.make(), brief.model(), brief.lastOdometerKm()));
        assertEquals(List.of(maintenance.number()),
                brief.recentVisits().stream().map(ReceptionBrief.PastVisit::number).toList(),
                "the earlier visit, the cancelled one left out");
        ReceptionBrief.PastVisit past = brief.recentVisits().get(0);
        assertEquals(
                List.of(WorkOrderStatus.DELIVERED, List.of(VisitType.MAINTENANCE), 10_000, List.of("首保"), maintainedOn),
                List.of(past.status(), past.visitTypes(), past.mileageInKm(), past.concerns(), past.deliveredOn()));
        ReceptionBrief.MaintenanceDue due = brief.maintenance();
        assertEquals(List.of(maintenance.number(), 10_000, 15_000, maintainedOn.plusMonths(6), true),
                List.of(due.lastNumber(), due.lastKm(), due.dueAtKm(), due.dueOn(), due.due()),
                "5000 km or 6 months after the last maintenance: 15 200 km is past 15 000");
        assertEquals(List.of(visitDay.plusDays(20), 20L, true),
                List.of(brief.insurance().date(), brief.insurance().daysLeft(), brief.insurance().soon()));
        assertEquals(-3L, brief.inspection().daysLeft());
        assertEquals(List.of("maintenance.due", "insurance.due", "inspection.expired"),
                brief.reminders().stream().map(ReceptionBrief.Reminder::code).toList());
        assertNull(brief.comebackOf(), "100 days and 5200 km after the delivery: not a comeback");
        brief.reminders().forEach(r -> assertFalse(r.messageZh().isBlank() || r.messageEn().isBlank(), r.toString()));

        // a return two days after delivering today's work: the brief raises the possible comeback
        today = deliver(shop.jobs.approve(shop.jobs.addLine(today.id(), today.jobs().get(0).id(), today.version(),
                new LineDraft(LineType.LABOUR, "ZD-02", null, null, null, null, null), ADVISOR).id(),
                today.jobs().get(0).id(), today.version() + 1, BY_WECHAT, ADVISOR));
        clock.advance(Duration.ofDays(2));
        WorkOrder back = shop.reception.open(reception(v.plate(), 15_300, List.of(JobDraft.customer("刹车仍有异响")), null),
                ADVISOR);
        brief = shop.reception.receptionBrief(back.id());
        assertEquals(today.number(), brief.comebackOf().number());
        assertEquals(List.of("刹车异响"), brief.comebackOf().concerns());
        assertTrue(brief.reminders().stream().anyMatch(r -> r.code().equals("comeback.possible")),
                brief.reminders().toString());
        assertEquals(2, brief.recentVisits().size());
        refused(DmsException.Kind.NOT_FOUND, "id", "not_found", () -> shop.reception.receptionBrief(Long.MAX_VALUE));
    }

    @Test
    void theBriefOfACarWithManyVisitsShowsTheLastFiveAndStillFindsAnOlderMaintenance() {
        Vehicle v = vehicles.create(new VehicleDraft(newVin(), newPlate(), "丰田", "凯美瑞", 2020, null, null, null, owner,
                null, null, null, null), ADVISOR);
        WorkOrder maintenance = shop.reception.open(new ReceptionDraft(v.plate(), null, null, 20_000, null, null, null,
                List.of(JobDraft.customer("二保")), null, null, Set.of(VisitType.MAINTENANCE), null), ADVISOR);
        // a fleet car: the earlier work orders are still open, each further one confirmed as a second open one
        java.util.function.BiFunction<Integer, List<JobDraft>, ReceptionDraft> again = (km,
                concerns) -> new ReceptionDraft(v.plate(), null, null, km, null, null, null, concerns, null, null,
                        Set.of(VisitType.GENERAL_REPAIR), null, null, true);
        List<String> repairs = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofDays(3));
            repairs.add(shop.reception.open(
                    again.apply(20_000 + i * 100, List.of(JobDraft.customer("异响 " + i), JobDraft.customer("检查 " + i))),
                    ADVISOR).number());
        }
        clock.advance(Duration.ofDays(3));
        WorkOrder today = shop.reception.open(again.apply(25_100, List.of(JobDraft.customer("保养"))), ADVISOR);
        ReceptionBrief brief = shop.reception.receptionBrief(today.id());
        assertEquals(List.of(repairs.get(5), repairs.get(4), repairs.get(3), repairs.get(2), repairs.get(1)),
                brief.recentVisits().stream().map(ReceptionBrief.PastVisit::number).toList(),
                "the five latest visits, newest first");
        assertEquals(List.of("异响 6", "检查 6"), brief.recentVisits().get(0).concerns(), "each with its own concerns");
        assertEquals(List.of(maintenance.number(), 20_000, 25_000, true),
                List.of(brief.maintenance().lastNumber(), brief.maintenance().lastKm(), brief.maintenance().dueAtKm(),
                        brief.maintenance().due()),
                "the maintenance seven visits back still tells when the next one is due");
    }

    /** Moves the shop's clock on to 08:00 of the next day and books that day's 08:30 slot: the car comes today. */
    Appointment bookToday(String plate, String... concerns) {
        Instant eight = shopDay().plusDays(1).atTime(8, 0).atZone(MutableShopClock.SHANGHAI).toInstant();
        clock.advance(Duration.between(clock.now(), eight));
        return appointments.book(new AppointmentDraft(plate, owner, AppointmentChannel.WECHAT, shopDay(),
                java.time.LocalTime.of(8, 30), "li.advisor", List.of(concerns)), ADVISOR);
    }

    Appointment bookTomorrow(String plate, String... concerns) {
        return appointments.book(new AppointmentDraft(plate, owner, AppointmentChannel.WECHAT, shopDay().plusDays(1),
                java.time.LocalTime.of(8, 30), "li.advisor", List.of(concerns)), ADVISOR);
    }

    @Test
    void anAppointmentIsConvertedIntoTheWorkOrderOpenedForIt() {
        Vehicle v = knownVehicle();
        // the customer came a day early: tomorrow's appointment is not received today, nothing changes
        Appointment early = bookTomorrow(v.plate(), "保养");
        DmsException notToday = refused(DmsException.Kind.CONFLICT, "appointmentId", "appointment.not_today",
                () -> shop.reception.open(new ReceptionDraft(null, null, null, 8_000, null, 60, null, null, null, null,
                        Set.of(VisitType.MAINTENANCE), null, early.id()), ADVISOR));
        assertTrue(notToday.violations().get(0).messageEn().contains(early.date().toString()), notToday.getMessage());
        assertEquals(AppointmentStatus.BOOKED, appointments.get(early.id()).status());
        // on the day: reception by the appointment alone, the mileage and the visit type
        Appointment booked = bookToday(v.plate(), "保养", "空调不凉");
        WorkOrder wo = shop.reception.open(new ReceptionDraft(null, null, null, 8_000, null, 60, null, null, null, null,
                Set.of(VisitType.MAINTENANCE, VisitType.GENERAL_REPAIR), null, booked.id()), ADVISOR);
        assertEquals(List.of(v.plate(), "li.advisor", List.of("保养", "空调不凉")),
                List.of(wo.plate(), wo.advisor(), wo.jobs().stream().map(j -> j.concern()).toList()),
                "the appointment's plate, advisor and concerns");
        Appointment arrived = appointments.get(booked.id());
        assertEquals(AppointmentStatus.ARRIVED, arrived.status());
        assertEquals(wo.id(), arrived.workOrderId());

        long again = booked.id();
        refused(DmsException.Kind.CONFLICT, "appointmentId", "appointment.not_booked",
                () -> shop.reception.open(new ReceptionDraft(
                        null, null, null, 8_000, null, null, null, null, null, null, Set.of(VisitType.MAINTENANCE),
                        null, again),
                        ADVISOR));
        Appointment other = bookToday(knownVehicle().plate(), "洗车");
        refused(DmsException.Kind.INVALID_INPUT, "appointmentId", "appointment.other_vehicle",
                () -> shop.reception.open(
                        new ReceptionDraft(v.plate(), null, null, 8_100, null, null, null, null, null, null,
                                Set.of(VisitType.MAINTENANCE), null, other.id()),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "appointmentId", "not_found",
                () -> shop.reception.open(new ReceptionDraft(
                        v.plate(), null, null, 8_100, null, null, null, null, null, null, Set.of(VisitType.MAINTENANCE),
                        null,
                        Long.MAX_VALUE), ADVISOR));
        assertEquals(AppointmentStatus.BOOKED, appointments.get(other.id()).status(), "the refusals left it booked");
        shop.reception.appointments = null;
        try {
            refused(DmsException.Kind.INVALID_INPUT, "appointmentId", "appointment.unavailable",
                    () -> shop.reception.open(
                            new ReceptionDraft(null, null, null, 8_100, null, null, null, null, null, null,
                                    Set.of(VisitType.MAINTENANCE), null, other.id()),
                            ADVISOR));
        } finally {
            shop.reception.appointments = appointments;
        }
    }

    @Test
    void aLineNotYetClockedOnIsRemovedAndTheJobNeedsApprovalAgain() {
        WorkOrder wo = approvedOrder(1_000);
        long job = wo.jobs().get(0).id();
        long labourLine = wo.jobs().get(0).lines().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), LineDraft.part("04465-02220", "刹车片", "1", "380", null),
                ADVISOR);
        wo = shop.jobs.approve(wo.id(), job, wo.version(), BY_WECHAT, ADVISOR);
        long partLine = wo.jobs().get(0).lines().get(1).id();
        assertEquals(yuan("480.00"), wo.totals().net());
        WorkOrder other = approvedOrder(1_000);
        long id = wo.id();
        long ver = wo.version();
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.jobs.removeLine(id, job, partLine, ver - 1, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.jobs.removeLine(id, job, partLine, ver, TECH_LI));
        refused(DmsException.Kind.NOT_FOUND, "lineId", "not_found", () -> shop.jobs.removeLine(id, job,
                other.jobs().get(0).lines().get(0).id(), ver, ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "jobId", "not_found",
                () -> shop.jobs.removeLine(id, other.jobs().get(0).id(),
                        partLine, ver, ADVISOR));

        WorkOrder removed = shop.jobs.removeLine(id, job, partLine, ver, ADVISOR);
        assertEquals(List.of(labourLine), removed.jobs().get(0).lines().stream().map(Line::id).toList());
        assertEquals(yuan("100.00"), removed.totals().net());
        assertFalse(removed.jobs().get(0).approved(), "the price changed: the customer approves again");
        assertEquals(ver + 1, removed.version());

        // once a technician clocked on a line, it stays with its actual hours
        move(shop.jobs.approve(id, job, removed.version(), BY_WECHAT, ADVISOR), WorkOrderStatus.IN_REPAIR);
        shop.clocks.clockOn(id, job, labourLine, "ma.tech", MANAGER);
        shop.clocks.clockOff(id, "ma.tech", null, MANAGER);
        WorkOrder clocked = shop.workOrders.get(id);
        refused(DmsException.Kind.CONFLICT, "lineId", "line.clocked",
                () -> shop.jobs.removeLine(id, job, labourLine, clocked.version(), ADVISOR));
        assertEquals(List.of(labourLine),
                shop.workOrders.get(id).jobs().get(0).lines().stream().map(Line::id).toList());
    }

    @Test
    void aDeclinedJobStaysForFollowUpButLeavesTheTotalsAndNoLongerChanges() {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 2_000, List.of(JobDraft.customer("保养"),
                JobDraft.customer("建议更换雨刮")), null), ADVISOR);
        long keep = wo.jobs().get(0).id();
        long wipers = wo.jobs().get(1).id();
        wo = shop.jobs.addLine(wo.id(), keep, wo.version(), LineDraft.labour("BY-01", "保养", "1", "100"), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wipers, wo.version(), LineDraft.part("WB-600", "雨刮片", "2", "45", null),
                ADVISOR);
        wo = shop.jobs.approve(wo.id(), wipers, wo.version(), BY_WECHAT, ADVISOR);
        wo = shop.dispatch.assign(wo.id(), wipers, wo.version(), List.of("li.tech"), "B2", MANAGER);
        assertEquals(yuan("190.00"), wo.totals().net());
        long id = wo.id();
        long ver = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "reason", "required",
                () -> shop.jobs.declineJob(id, wipers, ver, " ", ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.jobs.declineJob(id, wipers, ver, "太贵", TECH_LI));

        WorkOrder declined = shop.jobs.declineJob(id, wipers, ver, "客户说下次再换", ADVISOR);
        Job job = declined.job(wipers);
        assertTrue(job.declined());
        assertEquals(List.of("客户说下次再换", "wang.advisor"), List.of(job.decline().reason(), job.decline().recordedBy()));
        assertFalse(job.approved(), "a declined job is not approved work");
        assertEquals(1, job.lines().size(), "its lines stay, for follow-up");
        assertEquals(yuan("100.00"), declined.totals().net(), "but they are not charged");
        assertEquals(yuan("90.00"), job.totals().net());
        assertEquals(List.of(), shop.dispatch.assignments(id).stream().filter(a -> a.jobId() == wipers).toList(),
                "nobody works a declined job");

        long after = declined.version();
        refused(DmsException.Kind.CONFLICT, "jobId", "job.declined",
                () -> shop.jobs.approve(id, wipers, after, BY_WECHAT, ADVISOR));
        refused(DmsException.Kind.CONFLICT, "jobId", "job.declined", () -> shop.jobs.addLine(id, wipers, after,
                LineDraft.part("WB-600", "雨刮片", "1", "45", null), ADVISOR));
        refused(DmsException.Kind.CONFLICT, "jobId", "job.declined",
                () -> shop.jobs.declineJob(id, wipers, after, "又拒绝", ADVISOR));

        // a job a technician has clocked on is work done: it cannot be declined
        WorkOrder inRepair = move(shop.jobs.approve(id, keep, after, BY_WECHAT, ADVISOR), WorkOrderStatus.IN_REPAIR);
        shop.clocks.clockOn(id, keep, inRepair.job(keep).lines().get(0).id(), "ma.tech", MANAGER);
        shop.clocks.clockOff(id, "ma.tech", null, MANAGER);
        WorkOrder clocked = shop.workOrders.get(id);
        refused(DmsException.Kind.CONFLICT, "jobId", "job.clocked",
                () -> shop.jobs.declineJob(id, keep, clocked.version(),
                        "不修了", ADVISOR));
    }

    // ------------------------------------------------------------------ labour catalogue

    @Test
    void aLabourLineGivenOnlyItsOperationCodeSellsTheFlatRateHoursAtTheJobsRate() {
        shop.catalogue.save(new LabourOperationDraft("by-10", "更换机油机滤（5W-30）", yuan("0.8"), "MECHANICAL", null),
                null, MANAGER);
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 500, List.of(JobDraft.customer("保养")), null), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                new LineDraft(LineType.LABOUR, "By-10", null, null, null, null, null), ADVISOR);
        Line line = wo.jobs().get(0).lines().get(0);
        assertEquals(List.of("BY-10", "更换机油机滤（5W-30）", yuan("0.80"), yuan("100.00"), yuan("80.00")),
                List.of(line.code(), line.description(), line.quantity(), line.unitPrice(), line.net()),
                "the catalogue's name and flat-rate hours at the configured customer rate");
        // the advisor may sell other hours and name it more precisely
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                new LineDraft(LineType.LABOUR, "BY-10", "更换机油机滤（含放油螺丝）", yuan("1.2"), null, null, null), ADVISOR);
        line = wo.jobs().get(0).lines().get(1);
        assertEquals(List.of("更换机油机滤（含放油螺丝）", yuan("1.20")), List.of(line.description(), line.quantity()));
    }

    @Test
    void aRetiredOperationKeepsItsOldLinesButTakesNoNewOnes() {
        LabourOperation op = shop.catalogue.save(new LabourOperationDraft("XC-01", "洗车", yuan("0.3"), null, null),
                null, MANAGER);
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 500, List.of(JobDraft.customer("洗车")), null), ADVISOR);
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                new LineDraft(LineType.LABOUR, "XC-01", null, null, null, null, null), ADVISOR);
        LabourOperation retired = shop.catalogue.save(new LabourOperationDraft("XC-01", "洗车", yuan("0.3"), null,
                false), op.version(), MANAGER);
        assertFalse(retired.active());
        long id = wo.id();
        long job = wo.jobs().get(0).id();
        long ver = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "code", "labour.unknown_operation",
                () -> shop.jobs.addLine(id, job, ver,
                        new LineDraft(LineType.LABOUR, "XC-01", null, null, null, null, null), ADVISOR));
        WorkOrder after = shop.workOrders.get(id);
        assertEquals(ver, after.version(), "nothing changed");
        assertEquals("洗车", after.jobs().get(0).lines().get(0).description());
        assertTrue(shop.catalogue.search("XC-", true, PageRequest.of(0, 10)).items().isEmpty());
        assertEquals(List.of("XC-01"), shop.catalogue.search("xc-", false, PageRequest.of(0, 10)).items().stream()
                .map(LabourOperation::code).toList());
    }

    @Test
    void skillsComeFromTheShopsCatalogueAndARetiredOneIsNeverNewlyAssigned() {
        // a new-energy job needs the seeded high-voltage skill, named by its code or its name
        LabourOperation hv = shop.catalogue.save(new LabourOperationDraft("HV-01", "高压电池包绝缘检测", yuan("1.5"),
                "高压电工", null), null, MANAGER);
        assertEquals("HIGH_VOLTAGE", hv.skill());
        refused(DmsException.Kind.INVALID_INPUT, "skill", "skill.unknown", () -> shop.catalogue.save(
                new LabourOperationDraft("HV-02", "焊接", yuan("1"), "WELDING", null), null, MANAGER));
        refused(DmsException.Kind.NOT_FOUND, "code", "not_found", () -> shop.catalogue.get("HV-02"));

        String code = "T" + NUMBERS.incrementAndGet();
        SkillDefinition added = skills.save(new SkillDraft(code, "试用工种" + code, "trial " + code, null), null,
                MANAGER);
        LabourOperation op = shop.catalogue.save(new LabourOperationDraft("RT-" + code, "试用", yuan("1"), code, null),
                null, MANAGER);
        skills.save(new SkillDraft(code, added.name(), added.nameEn(), false), added.version(), MANAGER);
        // the operation keeps its retired skill through a change; nothing new takes it
        LabourOperation renamed = shop.catalogue.save(
                new LabourOperationDraft(op.code(), "试用（改）", yuan("1.2"), code, null), op.version(), MANAGER);
        assertEquals(code, renamed.skill());
        refused(DmsException.Kind.INVALID_INPUT, "skill", "skill.retired", () -> shop.catalogue.save(
                new LabourOperationDraft("RT2-" + code, "试用", yuan("1"), code, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "skill", "skill.retired",
                () -> shop.catalogue.save(new LabourOperationDraft("HV-01", hv.name(), hv.flatRateHours(), code, null),
                        hv.version(), MANAGER));
        assertEquals("HIGH_VOLTAGE", shop.catalogue.get("HV-01").skill());

        // the skill table: only known skills, a retired one only to remove it
        refused(DmsException.Kind.INVALID_INPUT, "skill", "skill.unknown",
                () -> shop.dispatch.setSkill("hv.tech", "WELDING", 3, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "skill", "skill.retired",
                () -> shop.dispatch.setSkill("hv.tech", code, 3, MANAGER));
        shop.dispatch.setSkill("hv.tech", "high_voltage", 5, FOREMAN);
        assertTrue(shop.dispatch.skills().contains(new TechnicianSkill("hv.tech", "HIGH_VOLTAGE", 5)));
        shop.dispatch.setSkill("hv.tech", code, 0, FOREMAN);
    }

    @Test
    void theCatalogueIsKeptByManagersWithEveryBadEntryRefused() {
        LabourOperation op = shop.catalogue.save(new LabourOperationDraft(" pq-01 ", "四轮定位", yuan("1.5"),
                "MECHANICAL", null), null, MANAGER);
        assertEquals(List.of("PQ-01", "四轮定位", yuan("1.50"), "MECHANICAL", true, "zhao.manager", 1L),
                List.of(op.code(), op.name(), op.flatRateHours(), op.skill(), op.active(), op.updatedBy(),
                        op.version()));
        assertEquals(op, shop.catalogue.get("pq-01"));
        assertEquals(List.of("PQ-01"), shop.catalogue.search("定位", true, PageRequest.of(0, 10)).items().stream()
                .map(LabourOperation::code).toList(), "found by part of the name");
        refused(DmsException.Kind.CONFLICT, "code", "labour.exists", () -> shop.catalogue.save(
                new LabourOperationDraft("PQ-01", "又一个", yuan("1"), null, null), null, MANAGER));
        LabourOperation changed = shop.catalogue.save(new LabourOperationDraft("PQ-01", "四轮定位（含调整）", yuan("2"),
                "MECHANICAL", null), op.version(), MANAGER);
        assertEquals(2, changed.version());
        refused(DmsException.Kind.CONFLICT, "version", "stale_version", () -> shop.catalogue.save(
                new LabourOperationDraft("PQ-01", "四轮定位", yuan("1"), null, null), op.version(), MANAGER));
        refused(DmsException.Kind.NOT_FOUND, "code", "not_found", () -> shop.catalogue.save(
                new LabourOperationDraft("NONE-1", "x", yuan("1"), null, null), 1L, MANAGER));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> shop.catalogue.save(
                new LabourOperationDraft("AD-01", "x", yuan("1"), null, null), null, ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "code", "required", () -> shop.catalogue.save(
                new LabourOperationDraft(" ", "x", yuan("1"), null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "code", "code.format", () -> shop.catalogue.save(
                new LabourOperationDraft("A B", "x", yuan("1"), null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "name", "required", () -> shop.catalogue.save(
                new LabourOperationDraft("NM-01", null, yuan("1"), null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "flatRateHours", "required", () -> shop.catalogue.save(
                new LabourOperationDraft("NM-01", "x", null, null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "flatRateHours", "out_of_range", () -> shop.catalogue.save(
                new LabourOperationDraft("NM-01", "x", yuan("0"), null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "flatRateHours", "out_of_range", () -> shop.catalogue.save(
                new LabourOperationDraft("NM-01", "x", yuan("100"), null, null), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "flatRateHours", "scale", () -> shop.catalogue.save(
                new LabourOperationDraft("NM-01", "x", yuan("0.125"), null, null), null, MANAGER));
        refused(DmsException.Kind.NOT_FOUND, "code", "not_found", () -> shop.catalogue.get("NM-01"));
        assertEquals("四轮定位（含调整）", shop.catalogue.get("PQ-01").name(), "the refusals changed nothing");
    }

    @Test
    void aLabourLineWithoutARateTakesTheRateOfItsJobsPayType() {
        Map<PayType, BigDecimal> before = shop.store.labourRates;
        shop.store.labourRates = Map.of(PayType.CUSTOMER, yuan("120.00"), PayType.WARRANTY, yuan("88.50"));
        try {
            Vehicle v = knownVehicle();
            WorkOrder wo = shop.reception.open(reception(v.plate(), 500, List.of(JobDraft.customer("保养"),
                    new JobDraft("召回", PayType.WARRANTY), new JobDraft("内部检查", PayType.INTERNAL)), null), ADVISOR);
            LineDraft noRate = new LineDraft(LineType.LABOUR, "BY-01", "保养", yuan("1.5"), null, null, null);
            wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(), noRate, ADVISOR);
            wo = shop.jobs.addLine(wo.id(), wo.jobs().get(1).id(), wo.version(), noRate, ADVISOR);
            assertEquals(yuan("180.00"), wo.jobs().get(0).lines().get(0).net());
            assertEquals(yuan("88.50"), wo.jobs().get(1).lines().get(0).unitPrice());
            assertEquals(yuan("132.75"), wo.jobs().get(1).lines().get(0).net());
            long id = wo.id();
            long job = wo.jobs().get(2).id();
            long ver = wo.version();
            // no rate in the table for INTERNAL: the line needs its own
            refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "required",
                    () -> shop.jobs.addLine(id, job, ver, noRate, ADVISOR));
        } finally {
            shop.store.labourRates = before;
        }
    }

    // ------------------------------------------------------------------ dispatch

    @Test
    void suggestionsRankBySkillLevelThenOpenSoldHoursAndSayWhy() {
        shop.dispatch.setSkill("wu.tech", "BODY", 4, FOREMAN);
        shop.dispatch.setSkill("zhou.tech", "BODY", 4, MANAGER);
        shop.dispatch.setSkill("sun.tech", "BODY", 2, MANAGER);
        shop.dispatch.setSkill("qian.tech", "PAINT", 5, MANAGER);
        WorkOrder busy = approvedOrder(1000);
        busy = shop.jobs.addLine(busy.id(), busy.jobs().get(0).id(), busy.version(),
                LineDraft.labour("BJ-01", "钣金修复", "1.5", "150"), ADVISOR);
        long busyJob = busy.jobs().get(0).id();
        WorkOrder unassigned = busy;
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> shop.dispatch.assign(unassigned.id(), busyJob,
                unassigned.version(), List.of("wu.tech"), null, INSPECTOR));
        // the foreman runs the workshop: he starts the repair, but cancelling stays with the advisor
        WorkOrder fresh = approvedOrder(1500);
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", () -> shop.flow.changeStatus(fresh.id(), fresh.version(),
                WorkOrderStatus.CANCELLED, null, null, FOREMAN));
        assertEquals(WorkOrderStatus.IN_REPAIR,
                shop.flow.changeStatus(fresh.id(), fresh.version(), WorkOrderStatus.IN_REPAIR,
                        null, null, FOREMAN).status());
        busy = shop.jobs.approve(busy.id(), busyJob, busy.version(), BY_WECHAT, ADVISOR);
        busy = shop.dispatch.assign(busy.id(), busyJob, busy.version(), List.of("wu.tech"), null, FOREMAN);
        WorkOrder next = approvedOrder(2000);
        long job = next.jobs().get(0).id();

        List<TechnicianSuggestion> s = shop.dispatch.suggestTechnicians(next.id(), job, "BODY");
        assertEquals(List.of("zhou.tech", "wu.tech", "sun.tech"),
                s.stream().map(TechnicianSuggestion::technician).toList(),
                "the painter is not offered; of two at level 4 the one without open work comes first");
        assertEquals(yuan("2.50"), s.get(1).openSoldHours());
        assertEquals("钣金 4 级（高级工）；在修 2.50 工时", s.get(1).reasonZh());
        assertEquals("body level 4 (senior); 2.50 sold hours open", s.get(1).reasonEn());
        assertEquals(List.of(), shop.dispatch.suggestTechnicians(next.id(), job, "ELECTRICAL"));

        // a delivered work order is no longer load
        deliver(busy);
        assertEquals(List.of("wu.tech", "zhou.tech", "sun.tech"),
                shop.dispatch.suggestTechnicians(next.id(), job, "BODY").stream()
                        .map(TechnicianSuggestion::technician).toList());

        // no skill asked: the one the job's labour operations name; LAB-1 names none
        refused(DmsException.Kind.INVALID_INPUT, "skill", "required",
                () -> shop.dispatch.suggestTechnicians(next.id(), job, null));
        shop.catalogue.save(new LabourOperationDraft("BJ-20", "前翼子板整形", yuan("2"), "BODY", null), null, MANAGER);
        WorkOrder withBody = shop.jobs.addLine(next.id(), job, next.version(),
                new LineDraft(LineType.LABOUR, "BJ-20", null, null, null, null, null), ADVISOR);
        assertEquals(shop.dispatch.suggestTechnicians(withBody.id(), job, "BODY"),
                shop.dispatch.suggestTechnicians(withBody.id(), job, null));

        // a skill set to 0 leaves the table
        shop.dispatch.setSkill("sun.tech", "BODY", 0, MANAGER);
        assertFalse(shop.dispatch.skills().stream().anyMatch(k -> k.technician().equals("sun.tech")));
        assertTrue(shop.dispatch.skills().contains(new TechnicianSkill("qian.tech", "PAINT", 5)));
    }

    @Test
    void aNewAssignmentReplacesTheOldOneAndCountsAsAChange() {
        WorkOrder wo = approvedOrder(3000);
        long job = wo.jobs().get(0).id();
        wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("li.tech", "chen.tech"), "1号工位", MANAGER);
        long v = wo.version();
        wo = shop.dispatch.assign(wo.id(), job, wo.version(), List.of("chen.tech"), null, MANAGER);
        assertEquals(v + 1, wo.version());
        assertEquals(List.of(new Assignment(job, List.of("chen.tech"), null, clock.now(), "zhao.manager")),
                shop.dispatch.assignments(wo.id()));
    }

    @Test
    void eachBadDispatchIsRefusedAndNothingStored() {
        WorkOrder wo = approvedOrder(4000);
        long id = wo.id();
        long job = wo.jobs().get(0).id();
        long v = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "technicians", "required",
                () -> shop.dispatch.assign(id, job, v, List.of(), "2号工位", MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "technicians[1]", "duplicate",
                () -> shop.dispatch.assign(id, job, v, List.of("li.tech", " li.tech"), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "technicians[0]", "username.format",
                () -> shop.dispatch.assign(id, job, v, List.of("li tech"), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "bay", "too_long",
                () -> shop.dispatch.assign(id, job, v, List.of("li.tech"), "工".repeat(21), MANAGER));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.dispatch.assign(id, job, v, List.of("li.tech"), null, TECH_LI));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version",
                () -> shop.dispatch.assign(id, job, v - 1, List.of("li.tech"), null, MANAGER));
        refused(DmsException.Kind.NOT_FOUND, "jobId", "not_found",
                () -> shop.dispatch.assign(id, job + 100_000, v, List.of("li.tech"), null, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "level", "out_of_range",
                () -> shop.dispatch.setSkill("li.tech", "PAINT", 6, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "skill", "required",
                () -> shop.dispatch.setSkill("li.tech", null, 3, MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "technician", "required",
                () -> shop.dispatch.setSkill(" ", "PAINT", 3, MANAGER));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.dispatch.setSkill("li.tech", "PAINT", 5, TECH_LI));
        WorkOrder delivered = deliver(wo);
        refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> shop.dispatch.assign(id, job, delivered.version(), List.of("li.tech"), null, MANAGER));
        // only the technician the foreman clocked on before QC
        assertEquals(List.of(List.of("qc.tech")),
                shop.dispatch.assignments(id).stream().map(Assignment::technicians).toList());
    }

    @Test
    void eachBadJobOrApprovalIsRefusedAndNothingStored() {
        WorkOrder wo = approvedOrder(1_000);
        WorkOrder withJob = shop.jobs.addJob(wo.id(), wo.version(), JobDraft.customer("待确认"), ADVISOR);
        long id = withJob.id();
        long ver = withJob.version();
        long pending = withJob.jobs().get(1).id();
        refused(DmsException.Kind.INVALID_INPUT, "concern", "required",
                () -> shop.jobs.addJob(id, ver, JobDraft.customer(" "), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "concern", "required", () -> shop.jobs.addJob(id, ver, null, ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "concern", "control_character",
                () -> shop.jobs.addJob(id, ver, JobDraft.customer("a\u0007b"), ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.jobs.addJob(id, ver, JobDraft.customer("x"), CASHIER));
        refused(DmsException.Kind.INVALID_INPUT, "approvedBy", "required",
                () -> shop.jobs.approve(id, pending, ver, new ApprovalDraft(null, ApprovalChannel.PHONE), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "approvedBy", "too_long",
                () -> shop.jobs.approve(id, pending, ver, new ApprovalDraft("张".repeat(51), ApprovalChannel.PHONE),
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "channel", "required",
                () -> shop.jobs.approve(id, pending, ver, new ApprovalDraft("张伟", null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "", "required",
                () -> shop.jobs.approve(id, pending, ver, null, ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "jobId", "not_found",
                () -> shop.jobs.approve(id, Long.MAX_VALUE, ver, BY_WECHAT, ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "note", "too_long",
                () -> shop.flow.changeStatus(id, ver, WorkOrderStatus.IN_REPAIR, null, "备".repeat(501), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "status", "required",
                () -> shop.flow.changeStatus(id, ver, null, null, null, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> shop.flow.changeStatus(id, ver, WorkOrderStatus.IN_REPAIR, null, null, TECH_LI));
        // nothing is added to a completed, delivered or cancelled work order
        WorkOrder delivered = deliver(approvedOrder(1_000));
        refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> shop.jobs.addJob(delivered.id(), delivered.version(), JobDraft.customer("x"), ADVISOR));
        refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> shop.jobs.addLine(delivered.id(), delivered.jobs().get(0).id(), delivered.version(),
                        LineDraft.labour("L", "x", "1", "1"), ADVISOR));
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchesByPlateStatusAdvisorTechnicianAndDay() {
        Actor other = new Actor("liu.advisor", Set.of("advisor"), Channel.REST);
        clock.advance(Duration.ofDays(1000));
        LocalDate today = LocalDate.ofInstant(clock.now(), MutableShopClock.SHANGHAI);
        Vehicle v = knownVehicle();
        WorkOrder a = shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("a")), BY_WECHAT),
                ADVISOR);
        a = shop.jobs.addLine(a.id(), a.jobs().get(0).id(), a.version(), LineDraft.labour("L", "x", "1", "100"),
                ADVISOR);
        a = shop.jobs.approve(a.id(), a.jobs().get(0).id(), a.version(), BY_WECHAT, ADVISOR);
        WorkOrder b = shop.reception
                .open(new ReceptionDraft(knownVehicle().plate(), null, null, 5, null, null, null, List.of(), null,
                        null, Set.of(VisitType.PDI), null), other);
        assertEquals("liu.advisor", b.advisor());
        a = move(a, WorkOrderStatus.IN_REPAIR);
        shop.clocks.clockOn(a.id(), a.jobs().get(0).id(), a.jobs().get(0).lines().get(0).id(), "zhou.tech", MANAGER);
        shop.clocks.clockOff(a.id(), "zhou.tech", null, MANAGER);
        // dispatched to li.tech, not clocked yet: his work all the same (the technician's tablet lists it)
        WorkOrder c = shop.reception.open(reception(knownVehicle().plate(), 1_000, List.of(JobDraft.customer("c")),
                BY_WECHAT), ADVISOR);
        c = shop.jobs.addLine(c.id(), c.jobs().get(0).id(), c.version(), LineDraft.labour("L", "x", "1", "100"),
                ADVISOR);
        c = shop.jobs.approve(c.id(), c.jobs().get(0).id(), c.version(), BY_WECHAT, ADVISOR);
        shop.dispatch.assign(c.id(), c.jobs().get(0).id(), c.version(), List.of("li.tech"), null, MANAGER);

        String plate = v.plate();
        assertEquals(List.of(a.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(plate.substring(0, 1) + plate.substring(1, 2)
                        .toLowerCase() + "·" + plate.substring(2), null, null, null, null, null),
                        PageRequest.of(0, 50))));
        assertEquals(List.of(c.id(), b.id(), a.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(null, null, null, null, today, today),
                        PageRequest.of(0, 50))));
        assertEquals(List.of(),
                ids(shop.workOrders.search(new WorkOrderQuery(null, null, null, null, today.plusDays(1), null),
                        PageRequest.of(0, 50))));
        assertEquals(List.of(a.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(null, WorkOrderStatus.IN_REPAIR, null, null, today,
                        null), PageRequest.of(0, 50))));
        assertEquals(List.of(b.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(null, null, "liu.advisor", null, today, today),
                        PageRequest.of(0, 50))));
        assertEquals(List.of(a.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(null, null, null, "zhou.tech", null, null),
                        PageRequest.of(0, 50))));
        assertEquals(List.of(c.id()),
                ids(shop.workOrders.search(new WorkOrderQuery(null, null, null, "li.tech", today, null),
                        PageRequest.of(0, 50))));
        Page<WorkOrder> second = shop.workOrders.search(new WorkOrderQuery(null, null, null, null, today, null),
                PageRequest.of(2, 1));
        assertEquals(3, second.total());
        assertEquals(List.of(a.id()), ids(second));
        assertEquals(1, second.items().get(0).jobs().size(), "search results carry their jobs");
        assertEquals(0, shop.workOrders
                .search(new WorkOrderQuery("%", null, null, null, null, null), PageRequest.of(0, 5)).total());
        assertEquals(DmsException.Kind.INVALID_INPUT, assertThrows(DmsException.class,
                () -> shop.workOrders.search(new WorkOrderQuery(null, null, null, null, today, today.minusDays(1)),
                        PageRequest.of(0, 5))).kind());
        assertEquals(DmsException.Kind.INVALID_INPUT, assertThrows(DmsException.class,
                () -> shop.workOrders.search(new WorkOrderQuery("京".repeat(41), null, null, null, null, null),
                        PageRequest.of(0, 5))).kind());
    }

    // ------------------------------------------------------------------ plumbing

    private static List<Long> ids(Page<WorkOrder> page) {
        return page.items().stream().map(WorkOrder::id).toList();
    }

    @FunctionalInterface
    interface Racer {
        Object run(int i) throws Exception;
    }

    /** Starts n calls at the same moment; each result is the call's value or what it threw. */
    static List<Object> race(int n, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return racer.run(index);
                    } catch (Exception | Error e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
    // ------------------------------------------------------------------ converting an appointment

    /** The appointment service, except that marking an appointment ARRIVED fails as given. */
    AppointmentService arrivalFailing(RuntimeException failure) {
        return (AppointmentService) java.lang.reflect.Proxy.newProxyInstance(AppointmentService.class.getClassLoader(),
                new Class<?>[] { AppointmentService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("arrive")) {
                        throw failure;
                    }
                    try {
                        return method.invoke(appointments, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    WorkOrder onlyWorkOrderOf(String plate) {
        List<WorkOrder> found = shop.workOrders.search(new WorkOrderQuery(plate, null, null, null, null, null),
                PageRequest.of(0, 10)).items();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void anAppointmentAnotherDeskConvertedFirstCancelsTheNewWorkOrderAndSaysSo() {
        Vehicle v = knownVehicle();
        Appointment booked = bookToday(v.plate(), "保养");
        DmsException stale = DmsException.conflict("version", "stale_version", "预约已被他人修改", "changed by someone else");
        Workshop racing = new Workshop(skills, shop.store, vehicles, arrivalFailing(stale));
        DmsException e = assertThrows(DmsException.class,
                () -> racing.reception.open(new ReceptionDraft(null, null, null,
                        8_000, null, null, null, null, null, null, Set.of(VisitType.MAINTENANCE), null, booked.id()),
                        ADVISOR));
        assertEquals(List.of(DmsException.Kind.CONFLICT, "appointmentId", "stale_version"),
                List.of(e.kind(), e.violations().get(0).field(), e.violations().get(0).code()));
        WorkOrder cancelled = onlyWorkOrderOf(v.plate());
        assertEquals(WorkOrderStatus.CANCELLED, cancelled.status());
        assertTrue(shop.workOrders.history(cancelled.id()).get(1).reason().contains("someone else"));
    }

    @Test
    void aFailureConvertingAnAppointmentIsReportedAsItselfNotAsAnotherDesksConversion() {
        Vehicle v = knownVehicle();
        Appointment booked = bookToday(v.plate(), "保养");
        IllegalStateException databaseDown = new IllegalStateException("the connection to the database was lost");
        Workshop failing = new Workshop(skills, shop.store, vehicles, arrivalFailing(databaseDown));
        Throwable thrown = assertThrows(RuntimeException.class,
                () -> failing.reception.open(new ReceptionDraft(null, null,
                        null, 8_000, null, null, null, null, null, null, Set.of(VisitType.MAINTENANCE), null,
                        booked.id()), ADVISOR));
        assertTrue(thrown == databaseDown, "the failure itself, not a false stale_version: " + thrown);
        assertEquals(AppointmentStatus.BOOKED, appointments.get(booked.id()).status());
        // no work order stands beside the appointment still booked, and its history does not blame another desk
        WorkOrder opened = onlyWorkOrderOf(v.plate());
        assertEquals(WorkOrderStatus.CANCELLED, opened.status());
        assertFalse(shop.workOrders.history(opened.id()).get(1).reason().contains("someone else"));
    }
    // ------------------------------------------------------------------ the timeline as one view

    @Test
    void theTimelineShowsOneMomentEvenWhileTheWorkOrderChanges() {
        Vehicle v = knownVehicle();
        WorkOrder wo = shop.reception.open(reception(v.plate(), 1_000, List.of(JobDraft.customer("异响")), null),
                ADVISOR);
        WorkOrder estimated = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.labour("LAB-1", "检查底盘异响", "1", "100"), ADVISOR);
        // while the timeline is being read, the advisor records the approval and the car goes into the workshop
        org.apache.aries.jpa.template.JpaTemplate real = shop.store.jpa;
        java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
        org.apache.aries.jpa.template.JpaTemplate interleaved = (org.apache.aries.jpa.template.JpaTemplate) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { org.apache.aries.jpa.template.JpaTemplate.class }, (proxy, method, args) -> {
                            Object result;
                            try {
                                result = method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                            if (method.getName().startsWith("tx") && changed.compareAndSet(false, true)) {
                                WorkOrder approved = shop.jobs.approve(wo.id(), wo.jobs().get(0).id(),
                                        estimated.version(),
                                        BY_WECHAT, ADVISOR);
                                move(approved, WorkOrderStatus.IN_REPAIR);
                            }
                            return result;
                        });
        Workshop reading = new Workshop(skills,
                new WorkOrderStore(interleaved, clock, new BigDecimal("0.13"), 30, 3000),
                vehicles,
                appointments);
        List<String> kinds = reading.workOrders.timeline(wo.id()).stream().map(TimelineEntry::kind).toList();
        assertTrue(changed.get());
        assertEquals(kinds.contains("APPROVED"), kinds.contains("STATUS"),
                "the move into the workshop and the approval before it are both shown or both not yet: " + kinds);
        assertTrue(shop.workOrders.timeline(wo.id()).stream().map(TimelineEntry::kind).toList()
                .containsAll(List.of("OPENED", "APPROVED", "STATUS")), "read again, both are there");
    }
}
