package org.opendms.vehicle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.customer.impl.CustomerArchiveForTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ChangeKind;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.vehicle.api.event.VehicleEvent;
import org.opendms.vehicle.api.event.VehicleListener;
import org.opendms.vehicle.api.EnergyType;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.Vin;

/** The vehicle archive's rules, on a real database migrated by the real changelogs, with the real customer archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VehicleServiceContract {

    static final Actor ADVISOR = new Actor("advisor", Set.of("advisor"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("technician", Set.of("technician"), Channel.REST);
    static final Actor MANAGER = new Actor("manager", Set.of("manager"), Channel.CONSOLE);
    static final Actor CASHIER = new Actor("cashier", Set.of("cashier"), Channel.REST);
    private static final AtomicInteger NUMBERS = new AtomicInteger(10000);

    TestDatabase db;
    CustomerService customers;
    JpaVehicleService service;
    JpaAuditTrail trail;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        customers = CustomerArchiveForTests.on(db);
        assertEquals("vehicle-003-trigram",
                db.migrate("db/org.opendms.vehicle.impl/changelog.xml"));
        service = new JpaVehicleService();
        service.clock = TestShopClock.system();
        service.jpa = db.jpa("dms-vehicle");
        service.permissions = TestPermissions.of();
        service.customers = customers;
        service.audit = trail = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
        owner = newCustomer("张伟");
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    long newCustomer(String name) {
        return customers
                .create(new CustomerDraft(CustomerType.PERSON, name, "139" + (10000000 + NUMBERS.incrementAndGet()),
                        null, null, List.of(), false, null), ADVISOR)
                .id();
    }

    /** A VIN nobody has used yet in this database, with its correct check digit. */
    static String newVin() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        return draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
    }

    /** Five digits for a plate nobody has used yet, e.g. "京A" + newSerial(). */
    static String newSerial() {
        return String.valueOf(NUMBERS.incrementAndGet() % 90000 + 10000);
    }

    VehicleDraft draft(String vin, String plate) {
        return draft(vin, plate, owner, null, true);
    }

    static VehicleDraft draft(String vin, String plate, Long ownerId, Long userId, Boolean active) {
        return new VehicleDraft(vin, plate, "大众", "帕萨特 330TSI", 2022, "dkx-123456", "黑色", EnergyType.PETROL, ownerId,
                userId, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1), active);
    }

    @Test
    void anOwnerChangeIsInTheAuditTrailWithTheOldAndNewOwnerAndARefusedOneIsNot() {
        String vin = newVin();
        Vehicle v = service.create(draft(vin, "京A" + newSerial()), ADVISOR);
        long buyer = newCustomer("李娜");
        Vehicle sold = service.update(v.id(), v.version(), draft(vin, v.plate(), buyer, null, true), ADVISOR);
        assertThrows(DmsException.class, () -> service.update(v.id(), v.version(),
                draft(vin, v.plate(), owner, null, true), ADVISOR)); // stale: nothing changed, nothing recorded
        List<AuditEntry> owners = trail.search(new AuditQuery("vehicle", Long.toString(v.id()), null, "ownerId",
                null, null), PageRequest.of(0, 20), MANAGER).items();
        assertEquals(2, owners.size(), owners.toString());
        assertEquals("CHANGED", owners.get(0).action());
        assertEquals(Long.toString(owner), owners.get(0).oldValue());
        assertEquals(Long.toString(buyer), owners.get(0).newValue());
        assertEquals("advisor", owners.get(0).actor());
        assertEquals("CREATED", owners.get(1).action());
        assertEquals(buyer, sold.ownerId());
    }

    private long rows() {
        return db.count("SELECT COUNT(*) FROM vehicle");
    }

    private long readings() {
        return db.count("SELECT COUNT(*) FROM vehicle_odometer_reading");
    }

    @Test
    void registersAVehicleAndFindsItByPlateInEverySpelling() {
        String vin = newVin();
        String serial = newSerial();
        Vehicle v = service.create(draft(vin.toLowerCase().substring(0, 8) + " " + vin.substring(8), "京a·" + serial),
                ADVISOR);
        assertEquals(vin, v.vin());
        assertEquals("京A" + serial, v.plate());
        assertEquals("DKX-123456", v.engineNumber());
        assertEquals(owner, v.ownerId());
        assertNull(v.userId());
        assertTrue(v.active());
        assertNull(v.lastOdometerKm());
        assertEquals("advisor", v.createdBy());
        for (String spelling : List.of("京a·" + serial, "京A " + serial, "京A" + serial, " 京ａ-" + serial + " ")) {
            Optional<Vehicle> found = service.findByPlate(spelling);
            assertTrue(found.isPresent(), spelling);
            assertEquals(v.id(), found.get().id(), spelling);
        }
        assertEquals(v, service.get(v.id()));
    }

    @Test
    void findByPlateIsEmptyForUnknownBlankOrMalformedPlates() {
        assertTrue(service.findByPlate("京Z" + newSerial()).isEmpty());
        assertTrue(service.findByPlate(null).isEmpty());
        assertTrue(service.findByPlate("  ·  ").isEmpty());
        assertTrue(service.findByPlate("京".repeat(10_000)).isEmpty());
    }

    @Test
    void anUnregisteredNewCarHasNoPlate() {
        Vehicle a = service.create(draft(newVin(), null), ADVISOR);
        Vehicle b = service.create(draft(newVin(), "  "), ADVISOR);
        assertNull(a.plate());
        assertNull(b.plate());
    }

    @Test
    void findsByPartialPlateAndByTheLastSixOfTheVin() {
        String serial = newSerial();
        String vin = newVin();
        Vehicle v = service.create(draft(vin, "沪B" + serial), ADVISOR);
        assertTrue(ids(service.search(VehicleQuery.text("b·" + serial.substring(0, 3)), PageRequest.of(0, 200)))
                .contains(v.id()));
        assertTrue(
                ids(service.search(VehicleQuery.text(serial.substring(1)), PageRequest.of(0, 200))).contains(v.id()));
        assertEquals(List.of(v.id()),
                ids(service.search(VehicleQuery.text(vin.substring(11).toLowerCase()), PageRequest.of(0, 200))));
        assertEquals(List.of(v.id()), ids(service.search(VehicleQuery.text(vin), PageRequest.of(0, 200))));
        assertTrue(
                ids(service.search(VehicleQuery.text(vin.substring(0, 10)), PageRequest.of(0, 200))).contains(v.id()));
        // six characters from the middle are not the serial people quote
        assertFalse(
                ids(service.search(VehicleQuery.text(vin.substring(5, 11)), PageRequest.of(0, 200))).contains(v.id()));
        assertFalse(ids(service.search(VehicleQuery.text("粤Z"), PageRequest.of(0, 200))).contains(v.id()));
        // fewer than six characters are a mobile tail or part of a plate, not a VIN: the VIN's last four find nothing
        String lastFour = vin.substring(13);
        assertFalse(ids(service.search(VehicleQuery.text(lastFour), PageRequest.of(0, 200))).contains(v.id()));
    }

    @Test
    void searchesByTextAmongActiveVehiclesOnly() {
        long c = newCustomer("赵敏");
        String serial = newSerial();
        Vehicle kept = service.create(draft(newVin(), "京D" + serial, c, null, true), ADVISOR);
        Vehicle gone = service.create(draft(newVin(), "津D" + serial, c, null, false), ADVISOR);
        List<Long> all = ids(service.search(new VehicleQuery(serial, null, null), PageRequest.of(0, 200)));
        assertTrue(all.containsAll(List.of(kept.id(), gone.id())));
        List<Long> active = ids(service.search(new VehicleQuery(serial, null, true), PageRequest.of(0, 200)));
        assertEquals(List.of(kept.id()), active);
    }

    @Test
    void searchesByCustomerAndActiveOnlyAndCountsTheWholeResult() {
        long c = newCustomer("李娜");
        long driver = newCustomer("李娜的司机");
        Vehicle owned = service.create(draft(newVin(), "京C" + newSerial(), c, null, true), ADVISOR);
        Vehicle used = service.create(draft(newVin(), "京C" + newSerial(), owner, driver, true), ADVISOR);
        Vehicle gone = service.create(draft(newVin(), "京C" + newSerial(), c, null, false), ADVISOR);
        service.create(draft(newVin(), null, c, driver, true), ADVISOR);
        assertEquals(List.of(gone.id(), owned.id()),
                ids(service.search(VehicleQuery.ofCustomer(c), PageRequest.of(0, 200))).subList(1, 3));
        assertEquals(2, service.search(new VehicleQuery(null, c, true), PageRequest.of(0, 200)).total());
        assertFalse(ids(service.search(new VehicleQuery(null, c, true), PageRequest.of(0, 200))).contains(gone.id()));
        // the driver uses two vehicles: one owned by someone else, one by c
        assertEquals(2, service.search(VehicleQuery.ofCustomer(driver), PageRequest.of(0, 200)).total());
        assertTrue(ids(service.search(VehicleQuery.ofCustomer(driver), PageRequest.of(0, 200))).contains(used.id()));
        Page<Vehicle> second = service.search(VehicleQuery.ofCustomer(c), PageRequest.of(1, 2));
        assertEquals(3, second.total());
        assertEquals(1, second.items().size());
        assertEquals(owned.id(), second.items().get(0).id());
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() {
        service.create(draft(newVin(), "京D" + newSerial()), ADVISOR);
        assertEquals(0, service.search(VehicleQuery.text("%"), PageRequest.of(0, 200)).total());
        DmsException e = assertThrows(DmsException.class,
                () -> service.search(VehicleQuery.text("京".repeat(41)), PageRequest.of(0, 20)));
        assertEquals("q", e.violations().get(0).field());
    }

    @Test
    void refusesADuplicateVinNamingTheVehicleAndStoresNothing() {
        String vin = newVin();
        Vehicle first = service.create(draft(vin, "京E" + newSerial()), ADVISOR);
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(draft(vin.toLowerCase(), "京E" + newSerial()), ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("vin", e.violations().get(0).field());
        assertEquals("vin.duplicate", e.violations().get(0).code());
        assertTrue(e.violations().get(0).messageZh().contains("车辆 " + first.id()));
        assertTrue(e.violations().get(0).messageEn().contains("vehicle " + first.id()));
        assertEquals(before, rows());
    }

    @Test
    void anActivePlateIsUniqueButFreedWhenTheVehicleGoesInactive() {
        String serial = newSerial();
        Vehicle first = service.create(draft(newVin(), "京F" + serial), ADVISOR);
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(draft(newVin(), "京f·" + serial), ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("plate", e.violations().get(0).field());
        assertEquals("plate.duplicate", e.violations().get(0).code());
        assertTrue(e.violations().get(0).messageZh().contains("车辆 " + first.id()));
        assertEquals(before, rows());

        Vehicle scrapped = service.update(first.id(), first.version(),
                draft(first.vin(), first.plate(), owner, null, false), MANAGER);
        assertFalse(scrapped.active());
        assertEquals("京F" + serial, scrapped.plate()); // the old plate stays on record
        Vehicle second = service.create(draft(newVin(), "京F " + serial), ADVISOR);
        assertEquals(second.id(), service.findByPlate("京F" + serial).orElseThrow().id());

        DmsException back = assertThrows(DmsException.class, () -> service.update(first.id(), scrapped.version(),
                draft(first.vin(), first.plate(), owner, null, true), MANAGER));
        assertEquals("plate", back.violations().get(0).field());
        assertTrue(back.violations().get(0).messageZh().contains("车辆 " + second.id()));
        assertFalse(service.get(first.id()).active());
    }

    @Test
    void namesBothClashesAtOnce() {
        String vin = newVin();
        String plate = "京G" + newSerial();
        Vehicle first = service.create(draft(vin, plate), ADVISOR);
        DmsException e = assertThrows(DmsException.class, () -> service.create(draft(vin, plate), ADVISOR));
        assertEquals(List.of("vin", "plate"), e.violations().stream().map(Violation::field).toList());
        // a vehicle may be saved with its own VIN and plate
        Vehicle same = service.update(first.id(), first.version(), draft(vin, plate), ADVISOR);
        assertEquals(vin, same.vin());
    }

    @Test
    void refusesALowerOdometerReadingUnlessConfirmedAndKeepsEveryReading() {
        Vehicle v = service.create(draft(newVin(), "京H" + newSerial()), ADVISOR);
        service.recordOdometer(v.id(), 10_000, "reception", false, ADVISOR);
        OdometerReading r = service.recordOdometer(v.id(), 12_000, null, false, TECHNICIAN);
        assertEquals("manual", r.source());
        assertEquals("technician", r.recordedBy());
        assertFalse(r.confirmedLower());
        long before = readings();
        DmsException e = assertThrows(DmsException.class,
                () -> service.recordOdometer(v.id(), 11_000, "manual", false, ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("km", e.violations().get(0).field());
        assertEquals("odometer.lower", e.violations().get(0).code());
        assertTrue(
                e.violations().get(0).messageZh().contains("12000")
                        && e.violations().get(0).messageZh().contains("technician"),
                e.violations().get(0).messageZh());
        assertTrue(e.violations().get(0).messageEn().contains("12000 km"), e.violations().get(0).messageEn());
        assertEquals(before, readings());
        assertEquals(12_000, service.get(v.id()).lastOdometerKm());

        OdometerReading confirmed = service.recordOdometer(v.id(), 11_000, "manual", true, ADVISOR);
        assertTrue(confirmed.confirmedLower());
        // confirming a reading that is not lower marks nothing
        assertFalse(service.recordOdometer(v.id(), 11_000, "manual", true, ADVISOR).confirmedLower());
        List<OdometerReading> history = service.odometerHistory(v.id());
        assertEquals(List.of(11_000, 11_000, 12_000, 10_000), history.stream().map(OdometerReading::km).toList());
        assertEquals(List.of(false, true, false, false),
                history.stream().map(OdometerReading::confirmedLower).toList());
        assertEquals("reception", history.get(3).source());
        Vehicle after = service.get(v.id());
        assertEquals(11_000, after.lastOdometerKm());
        // the mileage is part of what was read, so the version moves on with it
        assertTrue(after.version() > v.version());
        assertEquals(11_000,
                service.search(VehicleQuery.text(v.plate()), PageRequest.of(0, 5)).items().get(0).lastOdometerKm());
    }

    @Test
    void refusesAnOdometerReadingOutOfRangeOrForAnUnknownVehicle() {
        Vehicle v = service.create(draft(newVin(), null), ADVISOR);
        long before = readings();
        for (int km : new int[] { -1, 2_000_001, Integer.MAX_VALUE }) {
            DmsException e = assertThrows(DmsException.class,
                    () -> service.recordOdometer(v.id(), km, null, false, ADVISOR));
            assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
            assertEquals("km", e.violations().get(0).field());
        }
        DmsException source = assertThrows(DmsException.class,
                () -> service.recordOdometer(v.id(), 5, "Robert'); DROP", false, ADVISOR));
        assertEquals("source", source.violations().get(0).field());
        service.recordOdometer(v.id(), 0, null, false, ADVISOR);
        service.recordOdometer(v.id(), 2_000_000, null, false, ADVISOR);
        DmsException missing = assertThrows(DmsException.class,
                () -> service.recordOdometer(Long.MAX_VALUE, 5, null, false, ADVISOR));
        assertEquals(DmsException.Kind.NOT_FOUND, missing.kind());
        assertEquals(DmsException.Kind.NOT_FOUND,
                assertThrows(DmsException.class, () -> service.odometerHistory(Long.MAX_VALUE)).kind());
        assertEquals(before + 2, readings());
    }

    @Test
    void refusesAnUnknownOwnerOrUserNamingTheField() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(draft(newVin(), null, Long.MAX_VALUE, -3L, true), ADVISOR));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(List.of("ownerId", "userId"), e.violations().stream().map(Violation::field).toList());
        assertEquals("customer.unknown", e.violations().get(0).code());
        assertTrue(e.violations().get(0).messageZh().contains(String.valueOf(Long.MAX_VALUE)));
        assertEquals(before, rows());
    }

    @Test
    void aUserWhoIsTheOwnerIsStoredAsNoUser() {
        Vehicle v = service.create(draft(newVin(), null, owner, owner, null), ADVISOR);
        assertNull(v.userId());
        assertTrue(v.active());
    }

    @Test
    void namesEveryWrongFieldAtOnceAndStoresNothing() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class, () -> service.create(new VehicleDraft("LSVAU2185N2183294",
                "京I12345", "m".repeat(51), "型\u0007号", 1949, "ab c!", "红".repeat(21), null, null, 0L,
                LocalDate.of(1999, 12, 31), LocalDate.of(2101, 1, 1), null), ADVISOR));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(List.of("vin", "plate", "make", "model", "year", "engineNumber", "colour", "ownerId", "userId",
                "insuranceDueDate", "inspectionDueDate"), e.violations().stream().map(Violation::field).toList());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank()));
        assertEquals(before, rows());
        assertThrows(DmsException.class, () -> service.create(null, ADVISOR));
    }

    @Test
    void acceptsNextYearsModelButNotLater() {
        int next = Year.now(VehicleRules.SHOP_ZONE).getValue() + 1;
        VehicleDraft d = draft(newVin(), null);
        Vehicle v = service.create(
                new VehicleDraft(d.vin(), null, null, null, next, null, null, null, owner, null, null, null, null),
                ADVISOR);
        assertEquals(next, v.year());
        assertNull(v.make());
        DmsException e = assertThrows(DmsException.class, () -> service.create(
                new VehicleDraft(newVin(), null, null, null, next + 1, null, null, null, owner, null, null, null, null),
                ADVISOR));
        assertEquals("year", e.violations().get(0).field());
    }

    @Test
    void aStaleVersionIsRefusedAndTheNewerChangeKept() {
        Vehicle v = service.create(draft(newVin(), "京J" + newSerial()), ADVISOR);
        VehicleDraft d = draft(v.vin(), v.plate());
        Vehicle changed = service.update(v.id(), v.version(), new VehicleDraft(d.vin(), d.plate(), d.make(), d.model(),
                d.year(), d.engineNumber(), "白色", d.energyType(), d.ownerId(), null, d.insuranceDueDate(),
                d.inspectionDueDate(), true), ADVISOR);
        assertTrue(changed.version() > v.version());
        assertEquals("白色", changed.colour());
        DmsException e = assertThrows(DmsException.class,
                () -> service.update(v.id(), v.version(), new VehicleDraft(d.vin(),
                        d.plate(), d.make(), d.model(), d.year(), d.engineNumber(), "红色", d.energyType(), d.ownerId(),
                        null,
                        d.insuranceDueDate(), d.inspectionDueDate(), true), MANAGER));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("version", e.violations().get(0).field());
        assertEquals("stale_version", e.violations().get(0).code());
        assertEquals("白色", service.get(v.id()).colour());
        assertEquals(DmsException.Kind.NOT_FOUND,
                assertThrows(DmsException.class, () -> service.update(Long.MAX_VALUE, 0, d, ADVISOR)).kind());
    }

    @Test
    void aTechnicianMayRecordTheOdometerButNotRegisterOrChangeVehicles() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(draft(newVin(), "京K" + newSerial()), TECHNICIAN));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals(before, rows());
        Vehicle v = service.create(draft(newVin(), "京K" + newSerial()), ADVISOR);
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.update(v.id(), v.version(), draft(v.vin(), null), TECHNICIAN)).kind());
        assertEquals(v.plate(), service.get(v.id()).plate());
        assertEquals("technician", service.recordOdometer(v.id(), 3_000, "reception", false, TECHNICIAN).recordedBy());
        long readings = readings();
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.recordOdometer(v.id(), 4_000, null, false, CASHIER)).kind());
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.recordOdometer(v.id(), 4_000, null, false, null)).kind());
        assertEquals(readings, readings());
    }

    @Test
    void findsTheOwnersAndUsersOfMatchingVehicles() {
        long fleet = newCustomer("顺丰车队");
        long driver = newCustomer("王师傅");
        String serial = newSerial();
        String vin = newVin();
        service.create(draft(vin, "粤B" + serial, fleet, driver, true), ADVISOR);
        assertEquals(Set.of(fleet, driver), service.customersWithVehiclesMatching("粤b·" + serial));
        assertEquals(Set.of(fleet, driver),
                service.customersWithVehiclesMatching("b " + serial.substring(0, 4)).stream()
                        .filter(id -> id == fleet || id == driver).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(fleet, driver), service.customersWithVehiclesMatching(vin.substring(11)));
        // the VIN's last four are no VIN search (they are how people give a mobile tail)
        Set<Long> byFour = service.customersWithVehiclesMatching(vin.substring(13));
        assertFalse(byFour.contains(fleet) || byFour.contains(driver));
        assertEquals(Set.of(), service.customersWithVehiclesMatching("张伟"));
        assertEquals(Set.of(), service.customersWithVehiclesMatching("粤"));
        assertEquals(Set.of(), service.customersWithVehiclesMatching(" "));
        assertEquals(Set.of(), service.customersWithVehiclesMatching(null));
    }

    /**
     * Two people registering the same car at the same moment both pass the pre-check; the unique constraint stops
     * the second, and its failure must still read as the clash it is. The database's own failure is used here.
     */
    @Test
    void aDuplicateCaughtByTheDatabaseIsAConflictOnTheRightField() {
        Vehicle first = service.create(draft(newVin(), "京L" + newSerial()), ADVISOR);
        DmsException vin = (DmsException) JpaVehicleService.translate(
                new PersistenceException(rawInsertFailure(first.vin(), null)));
        assertEquals(DmsException.Kind.CONFLICT, vin.kind());
        assertEquals("vin", vin.violations().get(0).field());
        DmsException plate = (DmsException) JpaVehicleService.translate(
                new PersistenceException(rawInsertFailure(newVin(), first.plate())));
        assertEquals(DmsException.Kind.CONFLICT, plate.kind());
        assertEquals("plate", plate.violations().get(0).field());
        assertEquals("plate.duplicate", plate.violations().get(0).code());
    }

    /** Inserts a vehicle row behind the service's back and returns the database's refusal. */
    private SQLException rawInsertFailure(String vin, String plate) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO vehicle (vin, plate, active_plate, owner_id, active, created_at, created_by, updated_at,"
                        + " updated_by, version) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 'x', 1)")) {
            s.setString(1, vin);
            s.setString(2, plate);
            s.setString(3, plate);
            s.setLong(4, owner);
            s.setBoolean(5, true);
            s.executeUpdate();
        } catch (SQLException expected) {
            assertEquals("23505", expected.getSQLState());
            return expected;
        }
        throw new AssertionError("the database accepted a duplicate");
    }

    @Test
    void anUnknownVehicleIsNotFound() {
        DmsException e = assertThrows(DmsException.class, () -> service.get(Long.MAX_VALUE));
        assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
        assertNotNull(e.violations().get(0).messageZh());
    }

    private static List<Long> ids(Page<Vehicle> page) {
        return page.items().stream().map(Vehicle::id).toList();
    }

    @Test
    void tellsListenersOfEachCommittedChangeAndSurvivesAFailingOne() {
        List<VehicleEvent> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        VehicleListener failing = event -> {
            throw new IllegalStateException("a plugin's bug");
        };
        service.listeners = List.of(failing, told::add);
        try {
            Vehicle v = service.create(draft(newVin(), "京L" + newSerial()), ADVISOR);
            Vehicle changed = service.update(v.id(), v.version(), draft(v.vin(), "京M" + newSerial()), ADVISOR);
            service.recordOdometer(v.id(), 5_000, "reception", false, TECHNICIAN);
            assertThrows(DmsException.class, () -> service.update(v.id(), v.version(), draft(v.vin(), null), ADVISOR));

            assertEquals(List.of(ChangeKind.CREATED, ChangeKind.CHANGED, ChangeKind.CHANGED),
                    told.stream().map(VehicleEvent::kind).toList(), "a refused change is not told");
            assertNull(told.get(0).before());
            assertEquals(v, told.get(0).after());
            assertEquals(v, told.get(1).before());
            assertEquals(changed, told.get(1).after());
            assertEquals(5_000, told.get(2).after().lastOdometerKm());
            assertEquals(service.get(v.id()), told.get(2).after(), "the event shows the vehicle as committed");
            assertEquals(TECHNICIAN.username(), told.get(2).username());
        } finally {
            service.listeners = List.of();
        }
    }

    @Test
    void storesTheShopClocksTimeOnTheVehicleAndItsOdometerReading() {
        java.time.Instant at = java.time.Instant.parse("2026-11-22T01:30:00.654321Z");
        service.clock = TestShopClock.fixed(at);
        try {
            Vehicle v = service.create(draft(newVin(), "京N" + newSerial()), ADVISOR);
            service.recordOdometer(v.id(), 12_000, "reception", false, TECHNICIAN);
            assertEquals(at, service.get(v.id()).createdAt());
            assertEquals(at, service.get(v.id()).updatedAt());
            assertEquals(at, service.odometerHistory(v.id()).get(0).readAt());
        } finally {
            service.clock = TestShopClock.system();
        }
    }
}
