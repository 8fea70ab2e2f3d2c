package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.workorder.impl.WorkOrderServiceContract.ADVISOR;
import static org.opendms.workorder.impl.WorkOrderServiceContract.MANAGER;
import static org.opendms.workorder.impl.WorkOrderServiceContract.START;
import static org.opendms.workorder.impl.WorkOrderServiceContract.TECH_LI;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.appointment.impl.AppointmentBookForTests;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.FollowUp;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.OnTimeDelivery;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.reception.ReceptionReminder;
import org.opendms.workorder.api.reception.ReceptionReminderSource;
import org.opendms.workorder.api.reception.ReceptionVisit;

/**
 * What the desk sees: on-time and late deliveries, the promised time moved with a reason, declined jobs followed up,
 * plugins' reminders at reception, and the searches the desk runs; on a real database with the real archives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkOrderDeskContract {

    static final ApprovalDraft BY_PHONE = new ApprovalDraft("欧阳娜", ApprovalChannel.PHONE);
    private static final AtomicInteger NUMBERS = new AtomicInteger(60000);

    TestDatabase db;
    VehicleService vehicles;
    MutableShopClock clock;
    SkillCatalogue skills;
    Workshop shop;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        clock = new MutableShopClock(START);
        shop = Workshop.on(db, core, clock);
        skills = shop.catalogue.skills;
        shop.catalogue.save(new LabourOperationDraft("BY-01", "保养", new BigDecimal("1"), null, null), null, MANAGER);
        owner = core.customers()
                .create(new CustomerDraft(CustomerType.PERSON, "欧阳娜", "13755550009", null, null, List.of(),
                        false, null), ADVISOR)
                .id();
        core.customers()
                .create(new CustomerDraft(CustomerType.PERSON, "李雷", "13611112222", null, null, List.of(), false,
                        null), ADVISOR);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    Vehicle car() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        return vehicles.create(new VehicleDraft(vin, "沪B" + (NUMBERS.get() % 90000 + 10000), "大众", "朗逸", 2021, null,
                null, null, owner, null, null, null, null), ADVISOR);
    }

    WorkOrder open(Vehicle v, Instant promisedAt, String... concerns) {
        List<JobDraft> jobs = new ArrayList<>();
        for (String c : concerns) {
            jobs.add(JobDraft.customer(c));
        }
        return shop.reception
                .open(new ReceptionDraft(v.plate(), null, null, 30_000 + NUMBERS.get(), null, 50, null, jobs,
                        null, promisedAt, Set.of(VisitType.GENERAL_REPAIR), BY_PHONE), ADVISOR);
    }

    WorkOrder move(WorkOrder wo, WorkOrderStatus to) {
        return shop.flow.changeStatus(wo.id(), wo.version(), to, null, null, ADVISOR);
    }

    WorkOrder deliver(WorkOrder wo) {
        WorkOrder repairing = move(wo, WorkOrderStatus.IN_REPAIR);
        // nothing is clocked in these visits: the manager sends them to QC saying why
        WorkOrder w = shop.flow.changeStatus(repairing.id(), repairing.version(), WorkOrderStatus.AWAITING_QC, null,
                "只做检查，无需计时", MANAGER);
        for (QcLevel level : QcLevel.values()) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return move(move(w, WorkOrderStatus.COMPLETED), WorkOrderStatus.DELIVERED);
    }

    List<Long> found(WorkOrderQuery q) {
        return shop.workOrders.search(q, PageRequest.of(0, 200)).items().stream().map(WorkOrder::id).toList();
    }

    static WorkOrderQuery late() {
        return new WorkOrderQuery(null, null, null, null, null, null, Set.of(), false, true, null);
    }

    /** A refusal naming the field and code, in both languages, after which nothing changed. */
    void refused(DmsException.Kind kind, String field, String code, long workOrderId, Runnable call) {
        WorkOrder before = shop.workOrders.get(workOrderId);
        long promiseChanges = db.count("SELECT COUNT(*) FROM wo_promise_change");
        long closedFollowUps = db.count("SELECT COUNT(*) FROM wo_job WHERE followup_outcome IS NOT NULL");
        DmsException e = assertThrows(DmsException.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                () -> "expected " + field + "/" + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank(), v.toString()));
        assertEquals(before, shop.workOrders.get(workOrderId), "a refused call changed nothing");
        assertEquals(promiseChanges, db.count("SELECT COUNT(*) FROM wo_promise_change"));
        assertEquals(closedFollowUps, db.count("SELECT COUNT(*) FROM wo_job WHERE followup_outcome IS NOT NULL"));
    }

    // ------------------------------------------------------------------ on time and late

    @Test
    void aDeliveryShowsWhetherItWasOnTimeAndTheLateListHoldsTheLateOnes() {
        WorkOrder early = open(car(), clock.now().plus(Duration.ofHours(6)), "保养");
        WorkOrder overdue = open(car(), clock.now().plus(Duration.ofHours(2)), "异响");
        WorkOrder unpromised = open(car(), null, "洗车");
        assertNull(early.onTime(), "not delivered yet");
        assertFalse(early.late());

        early = deliver(early);
        assertEquals(Boolean.TRUE, early.onTime());
        clock.advance(Duration.ofHours(3));
        try {
            WorkOrder stillHere = shop.workOrders.get(overdue.id());
            assertTrue(stillHere.late(), "past its promise and not handed back");
            assertNull(stillHere.onTime());
            assertTrue(found(late()).contains(overdue.id()));
            assertFalse(found(late()).contains(early.id()), "delivered by its promise");

            WorkOrder handedBack = deliver(stillHere);
            assertEquals(Boolean.FALSE, handedBack.onTime());
            assertFalse(handedBack.late(), "delivered: no longer open, but on the late list still");
            assertTrue(found(late()).contains(overdue.id()));

            WorkOrder noPromise = deliver(shop.workOrders.get(unpromised.id()));
            assertNull(noPromise.onTime(), "no promise, no verdict");
            assertFalse(found(late()).contains(unpromised.id()));

            // the KPI counts the same way: one of the two promised deliveries of the day was on time
            LocalDate day = LocalDate.of(2026, 11, 22);
            assertEquals(new OnTimeDelivery(day, day, 3, 2, 1, 1, new BigDecimal("0.5000")),
                    shop.workOrders.onTimeDelivery(day, day));
            assertEquals(0, shop.workOrders.onTimeDelivery(day.plusDays(1), null).delivered());
            refused(DmsException.Kind.INVALID_INPUT, "to", "before_from", overdue.id(),
                    () -> shop.workOrders.onTimeDelivery(day, day.minusDays(1)));
        } finally {
            clock.advance(Duration.ofHours(-3));
        }
    }

    // ------------------------------------------------------------------ the promised time

    @Test
    void thePromisedTimeMovesWithAReasonKeptInTheTimeline() {
        Instant first = clock.now().plus(Duration.ofHours(4));
        WorkOrder wo = open(car(), first, "刹车异响");
        long id = wo.id();
        long v = wo.version();
        Instant later = clock.now().plus(Duration.ofHours(28));
        refused(DmsException.Kind.INVALID_INPUT, "promisedAt", "required", id,
                () -> shop.flow.changePromisedAt(id, v, null, "加做刹车片", ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "promisedAt", "in_past", id,
                () -> shop.flow.changePromisedAt(id, v, clock.now().minus(Duration.ofHours(1)), "加做刹车片", ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "reason", "required", id,
                () -> shop.flow.changePromisedAt(id, v, later, " ", ADVISOR));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version", id,
                () -> shop.flow.changePromisedAt(id, v - 1, later, "加做刹车片", ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", id,
                () -> shop.flow.changePromisedAt(id, v, later, "加做刹车片", TECH_LI));

        WorkOrder moved = shop.flow.changePromisedAt(id, v, later, "客户同意加做刹车片，需等配件", ADVISOR);
        assertEquals(later, moved.promisedAt());
        assertEquals(v + 1, moved.version());
        TimelineEntry step = shop.workOrders.timeline(id).stream().filter(t -> t.kind().equals("PROMISE_CHANGED"))
                .findFirst().orElseThrow();
        assertEquals("wang.advisor", step.username());
        assertTrue(step.textEn().contains(first.toString()) && step.textEn().contains(later.toString())
                && step.textZh().contains("客户同意加做刹车片，需等配件"), step.toString());

        WorkOrder cancelled = move(moved, WorkOrderStatus.CANCELLED);
        refused(DmsException.Kind.CONFLICT, "status", "status.final", id,
                () -> shop.flow.changePromisedAt(id, cancelled.version(), later.plusSeconds(3600), "再改", ADVISOR));
    }

    // ------------------------------------------------------------------ follow-ups

    @Test
    void aDeclinedJobIsRaisedAtTheCarsNextReceptionAndTakenUpOrDismissed() {
        Vehicle v = car();
        WorkOrder first = open(v, null, "保养", "建议更换雨刮", "建议清洗节气门");
        long wipers = first.jobs().get(1).id();
        long throttle = first.jobs().get(2).id();
        first = shop.jobs.addLine(first.id(), wipers, first.version(), LineDraft.part("WB-600", "雨刮片", "2", "45", null),
                ADVISOR);
        first = shop.jobs.declineJob(first.id(), throttle, first.version(), "不需要", ADVISOR);
        clock.advance(Duration.ofMinutes(5));
        first = shop.jobs.declineJob(first.id(), wipers, first.version(), "下次再换", ADVISOR);
        // the customer takes the car away without the work: the visit is cancelled, the declined jobs stay to follow up
        move(first, WorkOrderStatus.CANCELLED);
        List<Long> openOnes = shop.followUps.open(v.plate(), null, null, PageRequest.of(0, 20)).items().stream()
                .map(FollowUp::jobId).toList();
        assertEquals(List.of(throttle, wipers), openOnes, "oldest decline first");

        clock.advance(Duration.ofDays(10));
        try {
            // the declines were at 10:00 and 10:05 on 2026-11-22
            WorkOrder next = open(v, null, "异响");
            ReceptionBrief brief = shop.reception.receptionBrief(next.id());
            List<ReceptionBrief.Reminder> raised = brief.reminders().stream()
                    .filter(r -> r.code().equals("followup.declined")).toList();
            assertEquals(2, raised.size(), brief.reminders().toString());
            assertTrue(raised.get(1).messageZh().contains("建议更换雨刮") && raised.get(1).messageZh().contains("2026-11-22"),
                    raised.get(1).messageZh());

            Vehicle other = car();
            WorkOrder otherCar = open(other, null, "保养");
            refused(DmsException.Kind.INVALID_INPUT, "workOrderId", "followup.other_vehicle", otherCar.id(),
                    () -> shop.followUps.takeUp(wipers, otherCar.id(), otherCar.version(), ADVISOR));

            WorkOrder taken = shop.followUps.takeUp(wipers, next.id(), next.version(), ADVISOR);
            assertEquals(List.of("异响", "建议更换雨刮"), taken.jobs().stream().map(j -> j.concern()).toList());
            assertEquals(new BigDecimal("90.00"), taken.jobs().get(1).totals().net(),
                    "the declined estimate comes back");
            assertFalse(taken.jobs().get(1).approved(), "to be approved again");
            FollowUp done = shop.followUps.get(wipers);
            assertEquals(FollowUp.Outcome.TAKEN_UP, done.outcome());
            assertEquals(next.id(), done.takenUpOnId());
            refused(DmsException.Kind.CONFLICT, "jobId", "followup.closed", next.id(),
                    () -> shop.followUps.takeUp(wipers, next.id(), taken.version(), ADVISOR));

            refused(DmsException.Kind.INVALID_INPUT, "reason", "required", next.id(),
                    () -> shop.followUps.dismiss(throttle, "", ADVISOR));
            FollowUp dismissed = shop.followUps.dismiss(throttle, "客户已在别处清洗", ADVISOR);
            assertEquals(FollowUp.Outcome.DISMISSED, dismissed.outcome());
            assertEquals("客户已在别处清洗", dismissed.note());
            assertEquals(List.of(), shop.followUps.open(v.plate(), null, null, PageRequest.of(0, 20)).items());
            assertTrue(shop.reception.receptionBrief(next.id()).reminders().stream()
                    .noneMatch(r -> r.code().equals("followup.declined")), "nothing left to raise");
        } finally {
            clock.advance(Duration.ofDays(-10).minusMinutes(5));
        }
    }

    // ------------------------------------------------------------------ plugins' reminders

    @Test
    void pluginsAddRemindersToTheBriefAndAFailingOrSlowOneIsLeftOut() {
        List<ReceptionVisit> asked = new CopyOnWriteArrayList<>();
        ReceptionReminderSource insurance = visit -> {
            asked.add(visit);
            return List.of(new ReceptionReminder("insurance.policy_due", "商业险将于 2026-12-01 到期",
                    "the commercial policy ends on 2026-12-01"));
        };
        ReceptionReminderSource broken = visit -> {
            throw new IllegalStateException("a plugin's bug");
        };
        ReceptionReminderSource slow = visit -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new ReceptionReminder("slow.late", "迟到", "late"));
        };
        PluginReminders before = shop.reception.pluginReminders;
        shop.reception.pluginReminders = new PluginReminders(Duration.ofMillis(500));
        shop.reception.reminderSources = List.of(broken, slow, insurance);
        try {
            Vehicle v = car();
            WorkOrder wo = open(v, null, "保养");
            long t0 = System.nanoTime();
            ReceptionBrief brief = shop.reception.receptionBrief(wo.id());
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 2_000,
                    "a slow plugin does not hold the desk");
            assertEquals(List.of("insurance.policy_due"), brief.reminders().stream().map(ReceptionBrief.Reminder::code)
                    .filter(c -> !c.startsWith("maintenance") && !c.startsWith("insurance.due")).toList());
            assertEquals(
                    List.of(new ReceptionVisit(wo.id(), v.id(), v.plate(), v.vin(), owner, LocalDate.of(2026, 11, 22))),
                    asked);
        } finally {
            shop.reception.reminderSources = List.of();
            shop.reception.pluginReminders.close();
            shop.reception.pluginReminders = before;
        }
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchesBySeveralStatusesTheOpenOnesAndTheCustomersNameOrMobile() {
        WorkOrder repairing = move(open(car(), null, "异响"), WorkOrderStatus.IN_REPAIR);
        WorkOrder waiting = shop.flow.changeStatus(repairing.id(), repairing.version(), WorkOrderStatus.WAITING,
                WaitReason.PARTS, null, ADVISOR);
        WorkOrder inRepair = move(open(car(), null, "漏油"), WorkOrderStatus.IN_REPAIR);
        WorkOrder received = open(car(), null, "保养");
        WorkOrder cancelled = move(open(car(), null, "洗车"), WorkOrderStatus.CANCELLED);

        List<Long> both = found(new WorkOrderQuery(null, null, null, null, null, null,
                Set.of(WorkOrderStatus.IN_REPAIR, WorkOrderStatus.WAITING), false, false, null));
        assertTrue(both.containsAll(List.of(waiting.id(), inRepair.id())), both.toString());
        assertFalse(both.contains(received.id()));

        List<Long> open = found(new WorkOrderQuery(null, null, null, null, null, null, Set.of(), true, false, null));
        assertTrue(open.containsAll(List.of(waiting.id(), inRepair.id(), received.id())));
        assertFalse(open.contains(cancelled.id()), "cancelled is not in the workshop");

        for (String customer : List.of("欧阳", "13755550009", "50009")) {
            List<Long> hers = found(new WorkOrderQuery(null, null, null, null, null, null, Set.of(), false, false,
                    customer));
            assertTrue(hers.containsAll(List.of(waiting.id(), inRepair.id(), received.id(), cancelled.id())), customer);
        }
        assertEquals(List.of(), found(new WorkOrderQuery(null, null, null, null, null, null, Set.of(), false, false,
                "李雷")), "a customer with no work order");
        assertEquals(List.of(), found(new WorkOrderQuery(null, null, null, null, null, null, Set.of(), false, false,
                "无此人")));
    }

    /**
     * The customer named in a work-order search is looked up as the person searching: a technician finds her by her
     * name or whole mobile, never by its tail (which would let him rebuild the number digit by digit).
     */
    @Test
    void aTechnicianFindsACustomersWorkOrdersByTheWholeMobileOnly() {
        WorkOrder hers = open(car(), null, "异响");
        org.opendms.platform.api.Actor technician = new org.opendms.platform.api.Actor("li.tech",
                Set.of("technician"), org.opendms.platform.api.Channel.REST);
        for (String customer : List.of("欧阳", "13755550009", "+86 137 5555 0009")) {
            assertTrue(foundAs(customer, technician).contains(hers.id()), customer);
        }
        for (String tail : List.of("50009", "5550009", "1375555000")) {
            assertEquals(List.of(), foundAs(tail, technician), tail);
            assertTrue(foundAs(tail, ADVISOR).contains(hers.id()), tail);
        }
    }

    private List<Long> foundAs(String customer, org.opendms.platform.api.Actor actor) {
        return shop.workOrders.search(new WorkOrderQuery(null, null, null, null, null, null, Set.of(), false, false,
                customer), PageRequest.of(0, 200), actor).items().stream().map(WorkOrder::id).toList();
    }
}
