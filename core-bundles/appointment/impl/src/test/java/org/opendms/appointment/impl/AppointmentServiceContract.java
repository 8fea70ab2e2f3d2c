package org.opendms.appointment.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentChannel;
import org.opendms.appointment.api.AppointmentDraft;
import org.opendms.appointment.api.AppointmentQuery;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.appointment.api.SlotLoad;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.staff.api.NewStaff;
import org.opendms.staff.impl.JpaStaffService;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;

/** Booking rules on a real database migrated by the real changelog, with the real customer archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppointmentServiceContract {

    static final Actor ADVISOR = new Actor("advisor", Set.of("advisor"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("technician", Set.of("technician"), Channel.REST);
    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");
    /** Monday 23 November 2026, 10:00 at the shop. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);
    private static final AtomicInteger DAYS = new AtomicInteger(1);

    TestDatabase db;
    JpaAppointmentService service;
    VehicleService vehicles;
    final Map<Long, String> workOrderPlates = new ConcurrentHashMap<>(Map.of(4711L, "京A12345", 4712L, "京A12345",
            4713L, "沪C54321"));
    long customer;
    /** The shop's clock; tests move it. */
    LocalDateTime shopNow = NOW;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        CustomerService customers = core.customers();
        vehicles = core.vehicles();
        assertEquals("appointment-001", db.migrate("db/org.opendms.appointment.impl/changelog.xml"));
        service = new JpaAppointmentService();
        service.jpa = db.jpa("dms-appointment");
        service.permissions = TestPermissions.of();
        service.customers = customers;
        service.vehicles = vehicles;
        // the work orders an arrival may link: number → plate, as the work-order bundle answers
        service.workOrders = id -> Optional.ofNullable(workOrderPlates.get(id));
        service.clock = new ShopClock() {
            @Override
            public ZoneId zone() {
                return SHOP;
            }

            @Override
            public Clock clock() {
                return Clock.fixed(shopNow.atZone(SHOP).toInstant(), SHOP);
            }
        };
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
        customer = customers.create(new CustomerDraft(CustomerType.PERSON, "李娜", "13712345678", null, null, List.of(),
                false, null), ADVISOR).id();
        // the real staff accounts: the advisor who books, a manager, a technician
        JpaStaffService staff = StaffForTests.on(db, service.clock).staff();
        Actor admin = new Actor("boss", Set.of("admin"), Channel.REST);
        staff.add(new NewStaff("advisor", "王顾问", "s3cret-pass", List.of("advisor"), List.of(), null), admin);
        staff.add(new NewStaff("zhao.manager", "赵经理", "s3cret-pass", List.of("manager"), List.of(), null), admin);
        staff.add(new NewStaff("li.tech", "李师傅", "s3cret-pass", List.of("technician"), List.of(), null), admin);
        staff.add(new NewStaff("wang", "王顾问", "s3cret-pass", List.of("advisor"), List.of(), null), admin);
        service.staff = staff;
    }

    @BeforeEach
    void defaults() {
        shopNow = NOW;
        service.configure(settings(6, 8));
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    /** The configuration DS would hand the service: 08:30–17:30, one-hour slots. */
    static WorkshopCapacity.Settings settings(int bays, int technicians) {
        return new WorkshopCapacity.Settings() {
            @Override
            public String opens() {
                return "08:30";
            }

            @Override
            public String closes() {
                return "17:30";
            }

            @Override
            public int slotMinutes() {
                return 60;
            }

            @Override
            public int bays() {
                return bays;
            }

            @Override
            public int technicians() {
                return technicians;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkshopCapacity.Settings.class;
            }
        };
    }

    /** A day no other test books. */
    static LocalDate freshDay() {
        return NOW.toLocalDate().plusDays(DAYS.getAndIncrement());
    }

    AppointmentDraft draft(LocalDate day, LocalTime start) {
        return new AppointmentDraft("京a·12345", customer, AppointmentChannel.WECHAT, day, start, "advisor",
                List.of("  保养：换机油机滤 ", "", "左前轮异响"));
    }

    long count() {
        return db.count("SELECT COUNT(*) FROM app_appointment");
    }

    @Test
    void booksASlotAndTheDayShowsItsLoad() {
        LocalDate day = freshDay();
        Appointment a = service.book(draft(day, LocalTime.of(9, 30)), ADVISOR);
        assertEquals("京A12345", a.plate());
        assertEquals(AppointmentStatus.BOOKED, a.status());
        assertEquals(LocalTime.of(10, 30), a.end());
        assertEquals(List.of("保养：换机油机滤", "左前轮异响"), a.concerns());
        assertEquals("advisor", a.createdBy());
        assertEquals(a, service.get(a.id()));

        List<SlotLoad> slots = service.slots(day);
        assertEquals(9, slots.size(), "08:30 to 17:30 in hours");
        assertEquals(LocalTime.of(8, 30), slots.get(0).start());
        assertEquals(new SlotLoad(LocalTime.of(9, 30), LocalTime.of(10, 30), 1, 6), slots.get(1));
        assertEquals(0, slots.get(2).booked());
    }

    @Test
    void aSlotTakesTheFewerOfBaysAndTechniciansAndAFullOneRefusesWithTheReason() {
        service.configure(settings(2, 5));
        LocalDate day = freshDay();
        LocalTime nine = LocalTime.of(9, 30);
        service.book(draft(day, nine), ADVISOR);
        service.book(draft(day, nine), ADVISOR);
        long before = count();
        DmsException full = assertThrows(DmsException.class, () -> service.book(draft(day, nine), ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, full.kind());
        assertEquals("slot_full", full.violations().get(0).code());
        assertTrue(full.violations().get(0).messageZh().contains("已约满（已约 2 / 可约 2）"), full.getMessage());
        assertEquals(before, count());
        assertTrue(service.slots(day).get(1).full());
        // the next slot still takes bookings
        assertEquals(AppointmentStatus.BOOKED, service.book(draft(day, LocalTime.of(10, 30)), ADVISOR).status());
    }

    @Test
    void advisorsBookingTheLastPlacesAtOnceNeverOverfillASlot() throws Exception {
        service.configure(settings(3, 3));
        LocalDate day = freshDay();
        LocalTime slot = LocalTime.of(14, 30);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> bookings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                bookings.add(() -> {
                    try {
                        service.book(draft(day, slot), ADVISOR);
                        return "booked";
                    } catch (DmsException e) {
                        return e.violations().get(0).code();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(bookings)) {
                outcomes.add(f.get());
            }
            assertEquals(3, outcomes.stream().filter("booked"::equals).count(), outcomes.toString());
            assertEquals(5, outcomes.stream().filter("slot_full"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, service.slots(day).get(6).booked());
        assertEquals(3, service.search(AppointmentQuery.day(day), PageRequest.of(0, 20)).total());
    }

    @Test
    void cancellingFreesThePlaceAndKeepsTheReason() {
        service.configure(settings(1, 1));
        LocalDate day = freshDay();
        Appointment a = service.book(draft(day, LocalTime.of(8, 30)), ADVISOR);
        assertThrows(DmsException.class, () -> service.book(draft(day, LocalTime.of(8, 30)), ADVISOR));
        Appointment cancelled = service.cancel(a.id(), a.version(), " 客户出差 ", ADVISOR);
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals("客户出差", cancelled.reason());
        assertEquals(0, service.slots(day).get(0).booked());
        assertEquals(AppointmentStatus.BOOKED, service.book(draft(day, LocalTime.of(8, 30)), ADVISOR).status());
    }

    @Test
    void anAppointmentArrivesOnItsOwnDayAndFreesItsPlaceForAWalkIn() {
        service.configure(settings(1, 1)); // one car per slot
        LocalDate day = freshDay();
        Appointment tomorrows = service.book(draft(day, LocalTime.of(9, 30)), ADVISOR);
        DmsException early = assertThrows(DmsException.class,
                () -> service.arrive(tomorrows.id(), tomorrows.version(), 1L, ADVISOR));
        assertEquals(List.of(DmsException.Kind.CONFLICT, "id", "appointment.not_today"),
                List.of(early.kind(), early.violations().get(0).field(), early.violations().get(0).code()));
        assertTrue(early.violations().get(0).messageZh().contains(day.toString()), early.getMessage());
        assertEquals(tomorrows, service.get(tomorrows.id()), "refused: still booked");

        shopNow = LocalDateTime.of(day, LocalTime.of(9, 0));
        DmsException full = assertThrows(DmsException.class,
                () -> service.book(draft(day, LocalTime.of(9, 30)), ADVISOR));
        assertEquals("slot_full", full.violations().get(0).code());
        Appointment arrived = service.arrive(tomorrows.id(), tomorrows.version(), 4712L, ADVISOR);
        assertEquals(AppointmentStatus.ARRIVED, arrived.status());
        assertEquals(0, service.slots(day).get(1).booked(), "the car is in: the slot counts booked appointments only");
        assertEquals(AppointmentStatus.BOOKED,
                service.book(new AppointmentDraft("沪C12345", null, AppointmentChannel.WALK_IN,
                        day, LocalTime.of(9, 30), "advisor", List.of("洗车")), ADVISOR).status(),
                "a walk-in takes the place");
    }

    @Test
    void arrivalLinksTheWorkOrderAndAFinishedAppointmentChangesNoMore() {
        LocalDate day = NOW.toLocalDate(); // today: 10:00 now
        Appointment a = service.book(draft(day, LocalTime.of(11, 30)), ADVISOR);
        Appointment arrived = service.arrive(a.id(), a.version(), 4711L, ADVISOR);
        assertEquals(AppointmentStatus.ARRIVED, arrived.status());
        assertEquals(4711L, arrived.workOrderId());
        DmsException again = assertThrows(DmsException.class,
                () -> service.cancel(a.id(), arrived.version(), "改期", ADVISOR));
        assertEquals("not_booked", again.violations().get(0).code());
        DmsException stale = assertThrows(DmsException.class, () -> service.arrive(a.id(), a.version(), null, ADVISOR));
        assertEquals("stale_version", stale.violations().get(0).code());
        assertEquals(arrived, service.get(a.id()));
    }

    @Test
    void aNoShowIsRecordedOnlyOnceTheSlotHasBegun() {
        LocalDate day = NOW.toLocalDate(); // today: 10:00 now
        Appointment a = service.book(new AppointmentDraft("沪B D12345", null, AppointmentChannel.PHONE, day,
                LocalTime.of(15, 30), "advisor", List.of("年检前检查")), ADVISOR);
        DmsException early = assertThrows(DmsException.class, () -> service.noShow(a.id(), a.version(), ADVISOR));
        assertEquals("not_yet", early.violations().get(0).code());
        assertEquals(a, service.get(a.id()));
        shopNow = LocalDateTime.of(day, LocalTime.of(16, 40));
        Appointment missed = service.noShow(a.id(), a.version(), ADVISOR);
        assertEquals(AppointmentStatus.NO_SHOW, missed.status());
        assertNull(missed.customerId());
        assertEquals("沪BD12345", missed.plate());
    }

    @Test
    void findsAppointmentsByDayAdvisorStatusAndPlateInAnySpelling() {
        LocalDate day = freshDay();
        Appointment first = service.book(draft(day, LocalTime.of(16, 30)), ADVISOR);
        Appointment other = service.book(new AppointmentDraft("粤B·A1234", customer, AppointmentChannel.WEB, day,
                LocalTime.of(8, 30), "wang", List.of("空调不凉")), ADVISOR);
        assertEquals(List.of(other, first), service.search(AppointmentQuery.day(day), PageRequest.of(0, 20)).items(),
                "in the order of the day");
        assertEquals(List.of(other), service.search(new AppointmentQuery(day, day, "wang", null, null),
                PageRequest.of(0, 20)).items());
        assertEquals(List.of(other), service.search(new AppointmentQuery(day, day, null, null, "粤b a1234"),
                PageRequest.of(0, 20)).items());
        service.cancel(first.id(), first.version(), "改期", ADVISOR);
        assertEquals(1, service.search(new AppointmentQuery(day, day, null, AppointmentStatus.CANCELLED, null),
                PageRequest.of(0, 20)).total());
    }

    @Test
    void onlyAdvisorsManagersAndAdminsBook() {
        long before = count();
        DmsException refused = assertThrows(DmsException.class,
                () -> service.book(draft(freshDay(), LocalTime.of(9, 30)), TECHNICIAN));
        assertEquals(DmsException.Kind.FORBIDDEN, refused.kind());
        assertEquals(before, count());
    }

    /** Each wrong input is refused naming its field, and nothing is stored. */
    @Test
    void eachWrongInputIsRefusedWithItsFieldAndNothingIsStored() {
        LocalDate day = freshDay();
        AppointmentDraft good = draft(day, LocalTime.of(12, 30));
        refused("plate", "plate.format", d -> new AppointmentDraft("京A123", d.customerId(), d.channel(), d.date(),
                d.start(), d.advisor(), d.concerns()), good);
        refused("plate", "required", d -> new AppointmentDraft(" ", d.customerId(), d.channel(), d.date(), d.start(),
                d.advisor(), d.concerns()), good);
        refused("customerId", "not_found", d -> new AppointmentDraft(d.plate(), 99_999_999L, d.channel(), d.date(),
                d.start(), d.advisor(), d.concerns()), good);
        refused("channel", "required", d -> new AppointmentDraft(d.plate(), d.customerId(), null, d.date(), d.start(),
                d.advisor(), d.concerns()), good);
        refused("date", "required", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), null, d.start(),
                d.advisor(), d.concerns()), good);
        refused("date", "past", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(),
                NOW.toLocalDate().minusDays(1), d.start(), d.advisor(), d.concerns()), good);
        refused("date", "too_far", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(),
                NOW.toLocalDate().plusDays(181), d.start(), d.advisor(), d.concerns()), good);
        refused("start", "required", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(), null,
                d.advisor(), d.concerns()), good);
        refused("start", "not_a_slot", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                LocalTime.of(9, 0), d.advisor(), d.concerns()), good);
        refused("start", "not_a_slot", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                LocalTime.of(17, 30), d.advisor(), d.concerns()), good);
        refused("start", "past", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), NOW.toLocalDate(),
                LocalTime.of(9, 30), d.advisor(), d.concerns()), good);
        refused("advisor", "required", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), "  ", d.concerns()), good);
        refused("advisor", "too_long", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), "a".repeat(65), d.concerns()), good);
        refused("concerns", "required", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), d.advisor(), List.of(" ", "")), good);
        refused("concerns", "too_many", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), d.advisor(), java.util.Collections.nCopies(21, "洗车")), good);
        refused("concerns[1]", "too_long", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), d.advisor(), List.of("洗车", "异响".repeat(101))), good);
        assertEquals(0, service.slots(day).get(4).booked(), "no place was taken");

        Appointment a = service.book(good, ADVISOR);
        DmsException noReason = assertThrows(DmsException.class,
                () -> service.cancel(a.id(), a.version(), " ", ADVISOR));
        assertEquals("reason", noReason.violations().get(0).field());
        DmsException badWorkOrder = assertThrows(DmsException.class,
                () -> service.arrive(a.id(), a.version(), 0L, ADVISOR));
        assertEquals("workOrderId", badWorkOrder.violations().get(0).field());
        assertEquals(a, service.get(a.id()), "refused changes leave it as it was");
    }

    private void refused(String field, String code, UnaryOperator<AppointmentDraft> spoil, AppointmentDraft good) {
        long before = count();
        AppointmentDraft bad = spoil.apply(good);
        Executable booking = () -> service.book(bad, ADVISOR);
        DmsException e = assertThrows(DmsException.class, booking);
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                field + "/" + code + " expected, got " + e.violations());
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(before, count());
    }

    @Test
    void theAdvisorBookedIsAnActiveAdvisorOrManagerOfTheStaffAccounts() {
        LocalDate day = freshDay();
        AppointmentDraft good = draft(day, LocalTime.of(10, 30));
        refused("advisor", "staff.unknown", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), "nobody.here", d.concerns()), good);
        refused("advisor", "staff.role", d -> new AppointmentDraft(d.plate(), d.customerId(), d.channel(), d.date(),
                d.start(), "li.tech", d.concerns()), good);
        assertEquals("zhao.manager", service.book(new AppointmentDraft(good.plate(), good.customerId(), good.channel(),
                good.date(), good.start(), "zhao.manager", good.concerns()), ADVISOR).advisor());
    }

    @Test
    void aCarInTheArchiveIsBookedOnlyForItsOwnerAndTheRefusalSaysSo() {
        long other = service.customers.create(new CustomerDraft(CustomerType.PERSON, "周强", "13812345678", null, null,
                List.of(), false, null), ADVISOR).id();
        String draftVin = "LSVAU2180N2" + String.format("%06d", DAYS.incrementAndGet() + 500);
        String vin = draftVin.substring(0, 8) + Vin.checkDigit(draftVin) + draftVin.substring(9);
        vehicles.create(new VehicleDraft(vin, "粤B" + (DAYS.get() % 9000 + 80000), null, null, null, null, null, null,
                other, null, null, null, null), ADVISOR);
        String plate = "粤B" + (DAYS.get() % 9000 + 80000);
        LocalDate day = freshDay();
        AppointmentDraft good = new AppointmentDraft(plate, other, AppointmentChannel.PHONE, day, LocalTime.of(8, 30),
                "advisor", List.of("保养"));
        refused("customerId", "vehicle.other_owner", d -> new AppointmentDraft(d.plate(), customer, d.channel(),
                d.date(), d.start(), d.advisor(), d.concerns()), good);
        DmsException e = assertThrows(DmsException.class, () -> service.book(new AppointmentDraft(plate, customer,
                AppointmentChannel.PHONE, day, LocalTime.of(8, 30), "advisor", List.of("保养")), ADVISOR));
        assertTrue(e.violations().get(0).messageZh().contains("客户 " + other), e.violations().get(0).messageZh());
        assertEquals(other, service.book(good, ADVISOR).customerId());
    }

    @Test
    void arrivedLinksOnlyARealWorkOrderOfTheSameCar() {
        LocalDate day = NOW.toLocalDate(); // today: 10:00 now
        Appointment a = service.book(draft(day, LocalTime.of(16, 30)), ADVISOR);
        DmsException unknown = assertThrows(DmsException.class, () -> service.arrive(a.id(), a.version(), 999L,
                ADVISOR));
        assertEquals(List.of("workOrderId", "workorder.unknown"),
                List.of(unknown.violations().get(0).field(), unknown.violations().get(0).code()));
        DmsException otherCar = assertThrows(DmsException.class, () -> service.arrive(a.id(), a.version(), 4713L,
                ADVISOR));
        assertEquals(List.of("workOrderId", "workorder.other_vehicle"),
                List.of(otherCar.violations().get(0).field(), otherCar.violations().get(0).code()));
        assertTrue(otherCar.violations().get(0).messageZh().contains("沪C54321"), otherCar.getMessage());
        assertEquals(a, service.get(a.id()), "refused: still booked, linked to nothing");
        assertEquals(4711L, service.arrive(a.id(), a.version(), 4711L, ADVISOR).workOrderId());
    }

    @Test
    void storesTheShopClocksTimeWhenBookedAndWhenCancelled() {
        Appointment a = service.book(draft(freshDay(), LocalTime.of(11, 30)), ADVISOR);
        assertEquals(NOW.atZone(SHOP).toInstant(), a.createdAt());
        shopNow = NOW.plusMinutes(42);
        Appointment cancelled = service.cancel(a.id(), a.version(), "客户改期", ADVISOR);
        assertEquals(NOW.atZone(SHOP).toInstant(), cancelled.createdAt());
        assertEquals(shopNow.atZone(SHOP).toInstant(), cancelled.updatedAt());
    }
}
