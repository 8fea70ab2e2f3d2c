package org.opendms.plugin.insurance.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendms.workorder.api.reception.ReceptionReminder;
import org.opendms.workorder.api.reception.ReceptionVisit;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ChangeKind;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.plugin.insurance.api.PolicyKind;
import org.opendms.plugin.insurance.api.PolicyQuery;
import org.opendms.plugin.insurance.api.RenewalDue;
import org.opendms.vehicle.api.EnergyType;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.api.event.VehicleEvent;
import org.opendms.vehicle.impl.CoreFilesForTests;

/**
 * The insurance plugin's rules and renewal list on a real database migrated by the real changelogs, with the real
 * core customer and vehicle archives telling the plugin's listener of every vehicle change, as in Karaf.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InsuranceServiceContract {

    static final Actor ADVISOR = new Actor("advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("manager", Set.of("manager"), Channel.CONSOLE);
    static final Actor CASHIER = new Actor("cashier", Set.of("cashier"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("technician", Set.of("technician"), Channel.REST);
    /** The shop's today in these tests; the server's calendar must not matter. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final AtomicInteger NUMBERS = new AtomicInteger(30000);

    TestDatabase db;
    VehicleService vehicles;
    VehicleFileListener listener;
    JpaInsuranceService service;
    long owner;

    abstract TestDatabase database();

    /** A shop clock standing still at 10:00 on {@link #TODAY} in Shanghai. */
    record FixedShopClock(LocalDate today) implements ShopClock {
        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock clock() {
            return Clock.fixed(today.atTime(10, 0).atZone(zone()).toInstant(), zone());
        }
    }

    /** The configuration DS would hand the service. */
    static InsuranceConfig window(int days) {
        return new InsuranceConfig() {
            @Override
            public int renewalWindowDays() {
                return days;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return InsuranceConfig.class;
            }
        };
    }

    @BeforeAll
    void migrate() {
        db = database();
        assertEquals("insurance-002-catch-up", db.migrate("db/org.opendms.plugin.insurance.impl/changelog.xml"));
        listener = new VehicleFileListener();
        listener.jpa = db.jpa("dms-insurance");
        listener.clock = new FixedShopClock(TODAY);
        CoreFilesForTests core = CoreFilesForTests.on(db, listener);
        vehicles = core.vehicles();
        listener.vehicles = vehicles;
        service = new JpaInsuranceService();
        service.jpa = db.jpa("dms-insurance");
        service.vehicles = vehicles;
        service.clock = new FixedShopClock(TODAY);
        service.permissions = TestPermissions.of(new InsurancePermissions());
        service.configure(window(30));
        owner = core.customers().create(new CustomerDraft(CustomerType.PERSON, "王芳", "13612345678", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ---- vehicles and policies to work with

    private static int next() {
        return NUMBERS.incrementAndGet();
    }

    static String newVin() {
        String vin = "LFV2A21K0P4" + String.format("%06d", next());
        return vin.substring(0, 8) + Vin.checkDigit(vin) + vin.substring(9);
    }

    VehicleDraft vehicleDraft(String vin, String plate, LocalDate insuranceDue, boolean active) {
        return new VehicleDraft(vin, plate, "一汽大众", "迈腾", 2023, null, "白色", EnergyType.PETROL, owner, null,
                insuranceDue, null, active);
    }

    Vehicle newVehicle() {
        return newVehicle(null);
    }

    Vehicle newVehicle(LocalDate insuranceDue) {
        return vehicles.create(vehicleDraft(newVin(), newPlate(), insuranceDue, true), ADVISOR);
    }

    static String newPlate() {
        return "苏E" + (next() % 90000 + 10000);
    }

    static String newNumber() {
        return "PDZA2026" + next();
    }

    static PolicyDraft draft(long vehicleId, PolicyKind kind, LocalDate start, LocalDate end) {
        return new PolicyDraft(vehicleId, "中国人保", newNumber(), kind, start, end, new BigDecimal("950.00"), null);
    }

    /** A policy for the calendar year 2026. */
    static PolicyDraft draft2026(long vehicleId, PolicyKind kind) {
        return draft(vehicleId, kind, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    /** An annual policy whose last day is {@code end}. */
    Policy annual(long vehicleId, PolicyKind kind, LocalDate end) {
        return service.create(draft(vehicleId, kind, end.minusYears(1).plusDays(1), end), ADVISOR);
    }

    long policies() {
        return db.count("SELECT COUNT(*) FROM ins_policy");
    }

    static Violation refused(DmsException.Kind kind, Executable call) {
        DmsException e = assertThrows(DmsException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e.violations().get(0);
    }

    /** The renewal list's lines about these vehicles only: other tests share the database. */
    List<RenewalDue> renewalsOf(Integer days, Vehicle... of) {
        Set<Long> ids = java.util.Arrays.stream(of).map(Vehicle::id).collect(java.util.stream.Collectors.toSet());
        return service.renewals(days, ADVISOR).stream().filter(r -> ids.contains(r.vehicleId())).toList();
    }

    // ---- recording and finding policies

    @Test
    void recordsAPolicyWithTheVehiclesPlateAndFindsItByPlateInAnySpelling() {
        Vehicle car = newVehicle();
        Policy p = service.create(new PolicyDraft(car.id(), " 平安产险 ", "pdaa-2026-" + next(), PolicyKind.COMMERCIAL,
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), new BigDecimal("4321.5"), "含车损险"), ADVISOR);
        assertEquals(car.id(), p.vehicleId());
        assertEquals(car.plate(), p.plate());
        assertEquals("平安产险", p.insurer());
        assertTrue(p.policyNumber().startsWith("PDAA-2026-"), p.policyNumber());
        assertEquals(new BigDecimal("4321.50"), p.premium());
        assertEquals("advisor", p.createdBy());
        assertEquals(p, service.get(p.id(), CASHIER));

        String typed = car.plate().charAt(0) + car.plate().substring(1, 2).toLowerCase() + "·"
                + car.plate().substring(2);
        assertEquals(List.of(p), service.find(PolicyQuery.plate(typed), PageRequest.of(0, 20), CASHIER).items());
        assertEquals(List.of(p), service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(0, 20), ADVISOR).items());
        assertEquals(List.of(p), service.find(new PolicyQuery(car.id(), null, "平安", PolicyKind.COMMERCIAL),
                PageRequest.of(0, 20), ADVISOR).items());
        assertEquals(0, service.find(new PolicyQuery(car.id(), null, null, PolicyKind.COMPULSORY),
                PageRequest.of(0, 20), ADVISOR).total());
        assertTrue(service.insurers().contains("平安产险"));
    }

    @Test
    void listsAVehiclesPoliciesLatestFirst() {
        Vehicle car = newVehicle();
        Policy old = annual(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2025, 2, 28));
        Policy current = annual(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2026, 2, 28));
        var page = service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(0, 1), ADVISOR);
        assertEquals(2, page.total());
        assertEquals(List.of(current), page.items());
        assertEquals(List.of(old),
                service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(1, 1), ADVISOR).items());
    }

    @Test
    void refusesOverlappingCompulsoryPolicyForSameVehicle() {
        Vehicle car = newVehicle();
        Policy first = service.create(draft2026(car.id(), PolicyKind.COMPULSORY), ADVISOR);
        long before = policies();
        // sharing only the last day is an overlap: the end date is inclusive
        Violation v = refused(DmsException.Kind.CONFLICT, () -> service.create(draft(car.id(), PolicyKind.COMPULSORY,
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 30)), ADVISOR));
        assertEquals("startDate", v.field());
        assertEquals("policy.overlap", v.code());
        assertTrue(v.messageZh().contains(first.policyNumber()) && v.messageZh().contains("交强险"), v.messageZh());
        refused(DmsException.Kind.CONFLICT, () -> service.create(draft(car.id(), PolicyKind.COMPULSORY,
                LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 1)), ADVISOR));
        refused(DmsException.Kind.CONFLICT, () -> service.create(draft(car.id(), PolicyKind.COMPULSORY,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)), ADVISOR));
        assertEquals(before, policies());
    }

    @Test
    void acceptsTheNextYearsPolicyAndTheOtherKindOnTheSameDays() {
        Vehicle car = newVehicle();
        Vehicle other = newVehicle();
        service.create(draft2026(car.id(), PolicyKind.COMPULSORY), ADVISOR);
        service.create(draft(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)),
                ADVISOR);
        service.create(draft2026(car.id(), PolicyKind.COMMERCIAL), ADVISOR);
        service.create(draft2026(other.id(), PolicyKind.COMPULSORY), ADVISOR);
        assertEquals(3, service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(0, 20), ADVISOR).total());
    }

    @Test
    void desksRecordingOverlappingPoliciesAtOnceStoreOnlyOne() throws Exception {
        Vehicle car = newVehicle();
        int desks = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(desks);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < desks; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        service.create(draft2026(car.id(), PolicyKind.COMPULSORY), ADVISOR);
                        return "stored";
                    } catch (DmsException e) {
                        return e.violations().get(0).code();
                    }
                }));
            }
            go.countDown();
            List<String> seen = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                seen.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter("stored"::equals).count(), seen.toString());
            assertEquals(desks - 1, seen.stream().filter("policy.overlap"::equals).count(), seen.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(0, 20), ADVISOR).total());
    }

    @Test
    void refusesAPolicyNumberTheInsurerAlreadyIssuedHoweverItIsTyped() {
        Vehicle car = newVehicle();
        Vehicle other = newVehicle();
        String number = "PDZA-DUP-" + next();
        service.create(new PolicyDraft(car.id(), "太平洋保险", number, PolicyKind.COMPULSORY, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), BigDecimal.ZERO, null), ADVISOR);
        long before = policies();
        Violation v = refused(DmsException.Kind.CONFLICT, () -> service.create(new PolicyDraft(other.id(), "太平洋保险",
                " " + number.toLowerCase() + " ", PolicyKind.COMMERCIAL, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), BigDecimal.ONE, null), ADVISOR));
        assertEquals("policyNumber", v.field());
        assertEquals("policy_number.duplicate", v.code());
        assertEquals(before, policies());
        // numbers are the insurer's own: another insurer may use the same one
        service.create(new PolicyDraft(other.id(), "中华联合", number, PolicyKind.COMMERCIAL, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), BigDecimal.ONE, null), ADVISOR);
    }

    @Test
    void refusesAPolicyForAVehicleNotInTheVehicleFile() {
        long before = policies();
        Violation v = refused(DmsException.Kind.INVALID_INPUT, () -> service.create(
                draft2026(987_654_321L, PolicyKind.COMPULSORY), ADVISOR));
        assertEquals("vehicleId", v.field());
        assertEquals("vehicle.unknown", v.code());
        assertEquals(before, policies());
    }

    @Test
    void badInputNamesTheFieldAndLeavesTheRowCountUnchanged() {
        long car = newVehicle().id();
        LocalDate start = LocalDate.of(2026, 5, 1);
        LocalDate end = LocalDate.of(2027, 4, 30);
        BigDecimal fee = new BigDecimal("950.00");
        PolicyKind kind = PolicyKind.COMPULSORY;
        Object[][] cases = {
                { new PolicyDraft(null, "中国人保", newNumber(), kind, start, end, fee, null), "vehicleId" },
                { new PolicyDraft(car, "保", newNumber(), kind, start, end, fee, null), "insurer" },
                { new PolicyDraft(car, "中国人保", "12-4", kind, start, end, fee, null), "policyNumber" },
                { new PolicyDraft(car, "中国人保", "PD 2026 0001", kind, start, end, fee, null), "policyNumber" },
                { new PolicyDraft(car, "中国人保", newNumber(), null, start, end, fee, null), "kind" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, end, start, fee, null), "endDate" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, start, start.plusDays(367), fee, null), "endDate" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, start, end, new BigDecimal("-1"), null), "premium" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, start, end, new BigDecimal("1000000.01"), null),
                        "premium" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, start, end, new BigDecimal("9.999"), null),
                        "premium" },
                { new PolicyDraft(car, "中国人保", newNumber(), kind, start, end, fee, "注".repeat(501)), "note" },
        };
        long before = policies();
        for (Object[] c : cases) {
            Violation v = refused(DmsException.Kind.INVALID_INPUT, () -> service.create((PolicyDraft) c[0], ADVISOR));
            assertEquals(c[1], v.field(), c[0] + " → " + v.messageEn());
        }
        assertEquals(before, policies());
    }

    // ---- changing a policy

    @Test
    void anUpdateIsStoredAndDoesNotClashWithItself() {
        Vehicle car = newVehicle();
        Policy p = annual(car.id(), PolicyKind.COMMERCIAL, LocalDate.of(2026, 12, 31));
        Policy changed = service.update(p.id(), p.version(), new PolicyDraft(car.id(), p.insurer(), p.policyNumber(),
                p.kind(), p.startDate(), p.endDate(), new BigDecimal("5100"), "加保玻璃险"), MANAGER);
        assertEquals(new BigDecimal("5100.00"), changed.premium());
        assertEquals("manager", changed.updatedBy());
        assertEquals("advisor", changed.createdBy());
        assertTrue(changed.version() > p.version());
        assertEquals(changed, service.get(p.id(), ADVISOR));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Vehicle car = newVehicle();
        Policy p = annual(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2026, 12, 31));
        Policy changed = service.update(p.id(), p.version(), new PolicyDraft(car.id(), "中国人寿财险", p.policyNumber(),
                p.kind(), p.startDate(), p.endDate(), p.premium(), null), ADVISOR);
        Violation v = refused(DmsException.Kind.CONFLICT, () -> service.update(p.id(), p.version(), new PolicyDraft(
                car.id(), "阳光保险", p.policyNumber(), p.kind(), p.startDate(), p.endDate(), p.premium(), null), MANAGER));
        assertEquals("version", v.field());
        assertEquals("stale_version", v.code());
        assertEquals(changed, service.get(p.id(), ADVISOR));
    }

    @Test
    void anUpdateThatWouldOverlapAnotherPolicyIsRefused() {
        Vehicle car = newVehicle();
        Policy earlier = annual(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2025, 12, 31));
        annual(car.id(), PolicyKind.COMPULSORY, LocalDate.of(2026, 12, 31));
        Violation v = refused(DmsException.Kind.CONFLICT, () -> service.update(earlier.id(), earlier.version(),
                new PolicyDraft(car.id(), earlier.insurer(), earlier.policyNumber(), earlier.kind(),
                        earlier.startDate(),
                        LocalDate.of(2026, 1, 1), earlier.premium(), null),
                ADVISOR));
        assertEquals("policy.overlap", v.code());
        assertEquals(earlier, service.get(earlier.id(), ADVISOR));
    }

    @Test
    void anUnknownPolicyIsNotFound() {
        assertEquals("id", refused(DmsException.Kind.NOT_FOUND, () -> service.get(987_654_321L, ADVISOR)).field());
        Vehicle car = newVehicle();
        refused(DmsException.Kind.NOT_FOUND, () -> service.update(987_654_321L, 1,
                draft2026(car.id(), PolicyKind.COMPULSORY), ADVISOR));
    }

    @Test
    void advisorsAndManagersRecordPoliciesCashiersOnlyReadThemTechniciansNeither() {
        Vehicle car = newVehicle();
        Policy p = service.create(draft2026(car.id(), PolicyKind.COMPULSORY), MANAGER);
        long before = policies();
        refused(DmsException.Kind.FORBIDDEN, () -> service.create(draft2026(car.id(), PolicyKind.COMMERCIAL), CASHIER));
        refused(DmsException.Kind.FORBIDDEN,
                () -> service.create(draft2026(car.id(), PolicyKind.COMMERCIAL), TECHNICIAN));
        refused(DmsException.Kind.FORBIDDEN, () -> service.update(p.id(), p.version(),
                draft2026(car.id(), PolicyKind.COMPULSORY), CASHIER));
        refused(DmsException.Kind.FORBIDDEN, () -> service.get(p.id(), TECHNICIAN));
        refused(DmsException.Kind.FORBIDDEN, () -> service.find(PolicyQuery.ofVehicle(car.id()), PageRequest.of(0, 20),
                TECHNICIAN));
        refused(DmsException.Kind.FORBIDDEN, () -> service.renewals(null, TECHNICIAN));
        refused(DmsException.Kind.FORBIDDEN, () -> service.renewals(null, null));
        assertEquals(p, service.get(p.id(), CASHIER));
        assertEquals(before, policies());
    }

    // ---- the renewal list

    @Test
    void renewalListRunsFromThirtyDaysAgoToTheWindowsLastDay() {
        int[] offsets = { -31, -30, -1, 0, 1, 30, 31 };
        Vehicle[] cars = new Vehicle[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            cars[i] = newVehicle();
            annual(cars[i].id(), PolicyKind.COMPULSORY, TODAY.plusDays(offsets[i]));
        }
        List<RenewalDue> due = renewalsOf(null, cars);
        assertEquals(List.of(-30L, -1L, 0L, 1L, 30L), due.stream().map(RenewalDue::daysLeft).toList(),
                "sorted by end date; expired within 30 days shown with negative days");
        assertEquals(List.of(TODAY.minusDays(30), TODAY.minusDays(1), TODAY, TODAY.plusDays(1), TODAY.plusDays(30)),
                due.stream().map(RenewalDue::endDate).toList());
        RenewalDue first = due.get(0);
        assertEquals(cars[1].id(), first.vehicleId());
        assertEquals(cars[1].plate(), first.plate());
        assertEquals(owner, first.ownerId());
        assertEquals(PolicyKind.COMPULSORY, first.kind());
        assertEquals("中国人保", first.insurer());
        assertEquals(RenewalDue.Source.POLICY, first.source());
    }

    @Test
    void askingForMoreDaysShowsMoreAndAnUnreasonableNumberIsRefused() {
        Vehicle soon = newVehicle();
        Vehicle later = newVehicle();
        annual(soon.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(10));
        annual(later.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(60));
        assertEquals(List.of(soon.id()), renewalsOf(null, soon, later).stream().map(RenewalDue::vehicleId).toList());
        assertEquals(List.of(soon.id(), later.id()),
                renewalsOf(90, soon, later).stream().map(RenewalDue::vehicleId).toList());
        assertEquals(List.of(soon.id()), renewalsOf(10, soon, later).stream().map(RenewalDue::vehicleId).toList());
        for (int days : new int[] { 0, 366, -1 }) {
            assertEquals("days",
                    refused(DmsException.Kind.INVALID_INPUT, () -> service.renewals(days, ADVISOR)).field());
        }
    }

    @Test
    void aRenewedPolicyLeavesTheListButOnlyForItsOwnKind() {
        Vehicle car = newVehicle();
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(10));
        Policy commercial = annual(car.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(10));
        assertEquals(2, renewalsOf(null, car).size());
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(10).plusYears(1));
        List<RenewalDue> due = renewalsOf(null, car);
        assertEquals(1, due.size());
        assertEquals(commercial.policyNumber(), due.get(0).policyNumber());
        assertEquals(PolicyKind.COMMERCIAL, due.get(0).kind());
    }

    @Test
    void aLapsedPolicyRenewedAfterAGapLeavesTheList() {
        Vehicle car = newVehicle();
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.minusDays(20));
        assertEquals(-20L, renewalsOf(null, car).get(0).daysLeft());
        service.create(draft(car.id(), PolicyKind.COMPULSORY, TODAY, TODAY.plusYears(1).minusDays(1)), ADVISOR);
        assertEquals(List.of(), renewalsOf(null, car));
    }

    @Test
    void aVehicleNoLongerActiveLeavesTheList() {
        Vehicle car = newVehicle();
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(5));
        assertEquals(1, renewalsOf(null, car).size());
        vehicles.update(car.id(), car.version(), vehicleDraft(car.vin(), car.plate(), null, false), ADVISOR);
        assertEquals(List.of(), renewalsOf(null, car));
    }

    @Test
    void aChangedWindowAppliesWithoutRestartAndAnOutOfRangeOneFallsBackToThirtyDays() {
        Vehicle car = newVehicle();
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(45));
        try {
            assertEquals(List.of(), renewalsOf(null, car));
            service.configure(window(60));
            assertEquals(60, service.renewalWindowDays());
            assertEquals(1, renewalsOf(null, car).size());
            service.configure(window(0));
            assertEquals(30, service.renewalWindowDays());
            service.configure(window(366));
            assertEquals(30, service.renewalWindowDays());
            assertEquals(List.of(), renewalsOf(null, car));
        } finally {
            service.configure(window(30));
        }
    }

    // ---- leads from the vehicle file

    @Test
    void aVehicleWithAnInsuranceDueDateIsALeadUntilAPolicyOnFileCoversIt() {
        Vehicle car = newVehicle(TODAY.plusDays(20));
        List<RenewalDue> due = renewalsOf(null, car);
        assertEquals(1, due.size());
        RenewalDue lead = due.get(0);
        assertEquals(RenewalDue.Source.VEHICLE_FILE, lead.source());
        assertEquals(car.plate(), lead.plate());
        assertEquals(owner, lead.ownerId());
        assertEquals(20L, lead.daysLeft());
        assertNull(lead.kind());
        assertNull(lead.insurer());
        assertNull(lead.policyNumber());

        // a policy ending before the due date does not cover it
        annual(car.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(19));
        assertEquals(List.of(RenewalDue.Source.POLICY, RenewalDue.Source.VEHICLE_FILE),
                renewalsOf(null, car).stream().map(RenewalDue::source).toList());
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(20));
        assertFalse(renewalsOf(null, car).stream().anyMatch(r -> r.source() == RenewalDue.Source.VEHICLE_FILE));
    }

    @Test
    void aLeadFollowsTheVehicleFile() {
        Vehicle car = newVehicle(TODAY.plusDays(100));
        assertEquals(List.of(), renewalsOf(null, car));
        assertEquals(1, renewalsOf(120, car).size());
        Vehicle moved = vehicles.update(car.id(), car.version(),
                vehicleDraft(car.vin(), car.plate(), TODAY.minusDays(3), true), ADVISOR);
        assertEquals(List.of(-3L), renewalsOf(null, car).stream().map(RenewalDue::daysLeft).toList());
        vehicles.update(car.id(), moved.version(), vehicleDraft(car.vin(), car.plate(), null, true), ADVISOR);
        assertEquals(List.of(), renewalsOf(365, car));
        assertEquals(0, db.count("SELECT COUNT(*) FROM ins_vehicle_due WHERE vehicle_id = " + car.id()));
    }

    @Test
    void aVehicleMadeInactiveIsNoLongerALead() {
        Vehicle car = newVehicle(TODAY.plusDays(5));
        assertEquals(1, renewalsOf(null, car).size());
        vehicles.update(car.id(), car.version(), vehicleDraft(car.vin(), car.plate(), TODAY.plusDays(5), false),
                ADVISOR);
        assertEquals(List.of(), renewalsOf(null, car));
        assertEquals(0, db.count("SELECT COUNT(*) FROM ins_vehicle_due WHERE vehicle_id = " + car.id()));
    }

    @Test
    void aVehicleChangedWhileThePluginWasOffBecomesALeadWhenItStartsAgain() {
        Vehicle car = newVehicle(TODAY.plusDays(10));
        // the plugin was disabled when this vehicle was registered: its event never arrived
        listener.jpa.tx(em -> em.createQuery("DELETE FROM VehicleDueEntity d WHERE d.vehicleId = :v")
                .setParameter("v", car.id()).executeUpdate());
        assertEquals(List.of(), renewalsOf(null, car));
        int seen = listener.catchUp();
        assertTrue(seen >= 1, "vehicles read: " + seen);
        assertEquals(List.of(10L), renewalsOf(null, car).stream().map(RenewalDue::daysLeft).toList());
        listener.catchUp();
        assertEquals(1, db.count("SELECT COUNT(*) FROM ins_vehicle_due WHERE vehicle_id = " + car.id()),
                "a second pass adds nothing");
    }

    @Test
    void anEventArrivingLateDoesNotUndoANewerOne() {
        Vehicle car = newVehicle(TODAY.plusDays(5));
        Vehicle moved = vehicles.update(car.id(), car.version(),
                vehicleDraft(car.vin(), car.plate(), TODAY.plusDays(8), true), ADVISOR);
        listener.vehicleChanged(new VehicleEvent(ChangeKind.CREATED, null, car, "advisor", Instant.now()));
        assertEquals(List.of(moved.insuranceDueDate()),
                renewalsOf(null, car).stream().map(RenewalDue::endDate).toList());
    }

    @Test
    void aNewPlateIsShownAndSearchedOnTheVehiclesPolicies() {
        Vehicle car = newVehicle();
        Policy p = annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(200));
        String plate = newPlate();
        vehicles.update(car.id(), car.version(), vehicleDraft(car.vin(), plate, null, true), ADVISOR);
        Policy shown = service.get(p.id(), ADVISOR);
        assertEquals(plate, shown.plate());
        assertTrue(shown.version() > p.version(), "what a client read has changed, so its ETag must too");
        assertEquals(List.of(p.id()), service.find(PolicyQuery.plate(plate), PageRequest.of(0, 20), ADVISOR).items()
                .stream().map(Policy::id).toList());
        assertEquals(0, service.find(PolicyQuery.plate(car.plate()), PageRequest.of(0, 20), ADVISOR).total());
    }

    @Test
    void storesTheShopClocksTimeOnThePolicy() {
        Policy p = service.create(draft2026(newVehicle().id(), PolicyKind.COMMERCIAL), ADVISOR);
        assertEquals(service.clock.now(), p.createdAt());
        assertEquals(service.clock.now(), service.get(p.id(), ADVISOR).updatedAt());
    }

    // ---- reminders at reception

    @Test
    void aPolicyEndingWithinTheRenewalWindowIsRaisedAtReception() {
        Vehicle car = newVehicle();
        annual(car.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(12));
        annual(car.id(), PolicyKind.COMPULSORY, TODAY.plusDays(90));
        Vehicle renewed = newVehicle();
        annual(renewed.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(5));
        annual(renewed.id(), PolicyKind.COMMERCIAL, TODAY.plusDays(5).plusYears(1));
        PolicyDueReminders reminders = new PolicyDueReminders();
        reminders.jpa = db.jpa("dms-insurance");
        reminders.insurance = service;

        List<ReceptionReminder> raised = reminders.remindersFor(new ReceptionVisit(1, car.id(), car.plate(), car.vin(),
                owner, TODAY));
        assertEquals(1, raised.size(), "the compulsory policy ends beyond the 30-day window: " + raised);
        assertEquals("insurance.policy_due", raised.get(0).code());
        assertTrue(raised.get(0).messageZh().contains("商业险") && raised.get(0).messageZh().contains(TODAY.plusDays(12)
                .toString()), raised.get(0).messageZh());
        assertTrue(raised.get(0).messageEn().contains("in 12 days"), raised.get(0).messageEn());
        assertEquals(List.of(),
                reminders.remindersFor(new ReceptionVisit(2, renewed.id(), renewed.plate(), renewed.vin(),
                        owner, TODAY)),
                "renewed already: nothing to sell");
    }
}
