package org.opendms.vehicle.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ChangeKind;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.component.LateServices;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.PlanPerSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.VehicleWork;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.api.event.VehicleEvent;
import org.opendms.vehicle.api.event.VehicleListener;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The vehicle archive on JPA. Starts only once the vehicle tables are migrated. */
@Component(service = VehicleService.class)
public class JpaVehicleService implements VehicleService {

    /** The VIN's serial, its last six characters: the shortest VIN text searched. */
    private static final int SERIAL_LENGTH = 6;
    /** Longest search text looked at; a plate or VIN with separators is far shorter. */
    static final int SEARCH_MAX = 40;
    /**
     * Most vehicles read for a plate fragment: their owners and users join a customer search as an IN list, which
     * stays short (a desk list shows 20; a fragment matching more asks for more of the plate).
     */
    static final int MATCHING_CUSTOMERS_MAX = 50;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** Which cars a technician works on now; without it a technician confirms no lower reading. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile VehicleWork work;

    @Reference(target = "(osgi.unit.name=dms-vehicle)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.vehicle.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    /** Who changed which field (an owner change among them), old and new value, in the change's transaction. */
    @Reference
    AuditTrail audit;

    /** Owners and users are customers; a vehicle never points at one that does not exist. */
    @Reference
    CustomerService customers;

    /** Plugins told of each committed change. */
    volatile List<VehicleListener> listeners = List.of();
    private final LateServices<VehicleListener> boundListeners = new LateServices<>();

    @Reference(service = VehicleListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<VehicleListener> objects) {
        listeners = boundListeners.bind(objects);
    }

    void unbindListener(ComponentServiceObjects<VehicleListener> objects) {
        listeners = boundListeners.unbind(objects);
    }

    @Override
    public Vehicle create(VehicleDraft draft, Actor actor) {
        permissions.require(actor, "vehicle.create");
        VehicleRules.Valid valid = VehicleRules.check(draft, this::customerExists);
        try {
            Vehicle created = DeadlockRetry.write(() -> jpa.txExpr(em -> {
                refuseDuplicates(em, valid, null);
                VehicleEntity e = new VehicleEntity();
                apply(e, valid);
                e.created(clock.now(), actor);
                em.persist(e);
                em.flush();
                audit.record(em, actor, "vehicle", e.id, null, toVehicle(e));
                return toVehicle(e);
            }));
            tell(ChangeKind.CREATED, null, created, actor);
            return created;
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    @Override
    public Vehicle update(long id, long expectedVersion, VehicleDraft draft, Actor actor) {
        permissions.require(actor, "vehicle.update");
        VehicleRules.Valid valid = VehicleRules.check(draft, this::customerExists);
        try {
            Vehicle[] before = new Vehicle[1];
            Vehicle after = DeadlockRetry.write(() -> jpa.txExpr(em -> {
                VehicleEntity e = find(em, id);
                StaleVersion.check(e.version, expectedVersion, "车辆资料", "the vehicle");
                refuseDuplicates(em, valid, id);
                before[0] = toVehicle(e);
                apply(e, valid);
                e.updated(clock.now(), actor);
                em.flush();
                audit.record(em, actor, "vehicle", id, before[0], toVehicle(e));
                return toVehicle(e);
            }));
            tell(ChangeKind.CHANGED, before[0], after, actor);
            return after;
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    @Override
    public Vehicle get(long id) {
        return jpa.txExpr(em -> toVehicle(find(em, id)));
    }

    @Override
    public Page<Vehicle> search(VehicleQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        VehicleQuery q = query == null ? VehicleQuery.text(null) : query;
        PagedSearch<VehicleEntity> search = PagedSearch.of(VehicleEntity.class, "v");
        String raw = q.text() == null ? "" : q.text();
        if (raw.length() > SEARCH_MAX) {
            throw DmsException.invalid("q", "too_long", "搜索内容过长（最多 " + SEARCH_MAX + " 个字符）",
                    "search text is too long (at most " + SEARCH_MAX + " characters)");
        }
        String plate = Plate.normaliseFragment(raw);
        String vin = Vin.normaliseFragment(raw);
        if (!plate.isEmpty() || !vin.isEmpty()) {
            // a text that cannot be part of a plate (a name, say) does not search plates, nor VINs likewise
            boolean asPlate = Plate.couldBePartOfPlate(plate);
            String vinPattern = vinPattern(vin);
            boolean asVin = vinPattern != null;
            if (!asPlate && !asVin) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            List<String> any = new ArrayList<>();
            if (asPlate) {
                // on PostgreSQL a trigram index answers the contained text (migration vehicle-003)
                any.add("v.plate LIKE :plate ESCAPE '\\'");
                search.with("plate", Stored.containsPattern(plate));
            }
            if (asVin) {
                any.add("v.vin LIKE :vin ESCAPE '\\'");
                search.with("vin", vinPattern);
            }
            search.where("(" + String.join(" OR ", any) + ")");
        }
        if (q.customerId() != null) {
            search.where("(v.ownerId = :customer OR v.userId = :customer)", "customer", q.customerId());
        }
        if (Boolean.TRUE.equals(q.activeOnly())) {
            // a parameter: a literal TRUE becomes 1 on Derby, which refuses comparing it
            search.where("v.active = :active", "active", Boolean.TRUE);
        }
        return jpa.txExpr(em -> search.page(em, "v.id DESC", page, JpaVehicleService::toVehicle));
    }

    /**
     * How a search text matches VINs, or null when it does not search them. People quote a VIN whole, by its start, or
     * by its last six characters (the serial, "车架号后六位"). Fewer than six characters (a mobile tail, part of a plate)
     * would hit hundreds of unrelated VINs at a dealer group's size and cost a scan of their index for nothing.
     */
    static String vinPattern(String normalised) {
        if (normalised.length() < SERIAL_LENGTH || !Vin.couldBePartOfVin(normalised)) {
            return null;
        }
        // six characters matched anywhere would also hit unrelated VINs: they are the serial at the end
        return normalised.length() == SERIAL_LENGTH ? "%" + Stored.literal(normalised)
                : Stored.containsPattern(normalised);
    }

    @Override
    public Optional<Vehicle> findByPlate(String anySpelling) {
        String plate = anySpelling == null || anySpelling.length() > SEARCH_MAX ? ""
                : Plate.normaliseFragment(anySpelling);
        if (plate.isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> em
                .createQuery("SELECT v FROM VehicleEntity v WHERE v.activePlate = :p", VehicleEntity.class)
                .setParameter("p", plate).getResultList().stream().findFirst().map(JpaVehicleService::toVehicle));
    }

    /**
     * A lower reading is confirmed by the desk, the manager, or a technician on a car he is dispatched to: a technician
     * cannot wind back the odometer of any car in the archive.
     */
    private void refuseUnassignedTechnician(long vehicleId, Actor actor) {
        boolean technicianOnly = actor.roles().contains(Roles.TECHNICIAN)
                && actor.roles().stream().noneMatch(r -> r.equals(Roles.ADMIN) || r.equals(Roles.MANAGER)
                        || r.equals(Roles.ADVISOR) || r.equals(Roles.FOREMAN));
        VehicleWork w = work;
        if (technicianOnly && (w == null || !w.worksOn(actor.username(), vehicleId))) {
            throw new DmsException(DmsException.Kind.FORBIDDEN, List.of(new Violation("confirmLower",
                    "vehicle.not_assigned", "您没有被派工到这辆车的工单，不能确认更低的里程；请服务顾问或车间主管确认",
                    "you are not dispatched to a work order of this car, so you may not confirm a lower reading; the"
                            + " advisor or the foreman does")));
        }
    }

    @Override
    public OdometerReading recordOdometer(long vehicleId, int km, String source, boolean confirmLower, Actor actor) {
        permissions.require(actor, "vehicle.odometer.record");
        VehicleRules.km(km);
        if (confirmLower) {
            refuseUnassignedTechnician(vehicleId, actor);
        }
        String from = VehicleRules.source(source);
        Vehicle[] unchanged = new Vehicle[1];
        OdometerReading reading = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            // the row lock makes two readings of one vehicle queue, so each compares with the one before it
            VehicleEntity vehicle = em.find(VehicleEntity.class, vehicleId, LockModeType.PESSIMISTIC_WRITE);
            if (vehicle == null) {
                throw notFound(vehicleId);
            }
            List<OdometerReadingEntity> last = em
                    .createQuery("SELECT r FROM OdometerReadingEntity r WHERE r.vehicleId = :v"
                            + " ORDER BY r.readAt DESC, r.id DESC", OdometerReadingEntity.class)
                    .setParameter("v", vehicleId)
                    .setMaxResults(1).getResultList();
            boolean lower = !last.isEmpty() && km < last.get(0).km;
            if (lower && !confirmLower) {
                OdometerReadingEntity before = last.get(0);
                throw DmsException.conflict("km", "odometer.lower",
                        "里程 " + km + " 公里低于上次记录的 " + before.km + " 公里（" + shown(before.readAt) + " 由 "
                                + before.recordedBy + " 登记）；如确认无误（如更换仪表），请确认后再提交",
                        "odometer " + km + " km is lower than the last reading of " + before.km + " km (recorded "
                                + shown(before.readAt) + " by " + before.recordedBy
                                + "); confirm it if it is right, e.g. after an instrument cluster was replaced");
            }
            OdometerReadingEntity r = new OdometerReadingEntity();
            r.vehicleId = vehicleId;
            r.km = km;
            r.readAt = Stored.utc(clock.now());
            r.source = from;
            r.recordedBy = actor.username();
            r.confirmedLower = lower;
            em.persist(r);
            unchanged[0] = toVehicle(vehicle);
            // the vehicle as read now shows the new mileage, so its version (the ETag) moves on too
            vehicle.lastOdometerKm = km;
            audit.record(em, actor, "vehicle", vehicleId, unchanged[0], toVehicle(vehicle));
            return toReading(r);
        }));
        if (!listeners.isEmpty()) {
            tell(ChangeKind.CHANGED, unchanged[0], get(vehicleId), actor);
        }
        return reading;
    }

    /** After commit: a listener that fails is logged and does not undo the change or stop the others. */
    private void tell(ChangeKind kind, Vehicle before, Vehicle after, Actor actor) {
        List<VehicleListener> now = listeners;
        if (now.isEmpty()) {
            return;
        }
        AfterCommit.tell(now, VehicleListener::vehicleChanged,
                new VehicleEvent(kind, before, after, actor.username(), clock.now()), "vehicle " + after.id());
    }

    @Override
    public List<OdometerReading> odometerHistory(long vehicleId) {
        return jpa.txExpr(em -> {
            find(em, vehicleId);
            return em.createQuery("SELECT r FROM OdometerReadingEntity r WHERE r.vehicleId = :v"
                    + " ORDER BY r.readAt DESC, r.id DESC", OdometerReadingEntity.class).setParameter("v", vehicleId)
                    .getResultList().stream().map(JpaVehicleService::toReading).toList();
        });
    }

    @Override
    public Set<Long> customersWithVehiclesMatching(String plateOrVinFragment) {
        if (plateOrVinFragment == null || plateOrVinFragment.length() > SEARCH_MAX) {
            return Set.of();
        }
        String plate = Plate.normaliseFragment(plateOrVinFragment);
        String vin = Vin.normaliseFragment(plateOrVinFragment);
        // one character ("京", "8") matches most of the fleet and says nothing about whom is meant
        boolean asPlate = plate.length() >= 2 && Plate.couldBePartOfPlate(plate);
        String vinPattern = vinPattern(vin);
        boolean asVin = vinPattern != null;
        if (!asPlate && !asVin) {
            return Set.of(); // a name or anything else no plate or VIN holds: no vehicle is read
        }
        String where;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (isWholePlate(plate)) {
            where = "v.plate = :plate"; // a whole plate: by key
            parameters.put("plate", plate);
        } else {
            List<String> any = new ArrayList<>();
            if (asPlate) {
                any.add("v.plate LIKE :plate ESCAPE '\\'");
                parameters.put("plate", Stored.containsPattern(plate));
            }
            if (asVin) {
                any.add("v.vin LIKE :vin ESCAPE '\\'");
                parameters.put("vin", vinPattern);
            }
            where = String.join(" OR ", any);
        }
        // four digits or more: a few hundred plates of a million at most, from the trigram index
        boolean few = !where.startsWith("v.plate =") && plate.chars().filter(Character::isDigit).count() >= 4;
        return jpa.txExpr(em -> {
            if (few) {
                PlanPerSearch.fewMatches(em);
            }
            var query = em.createQuery("SELECT v.ownerId, v.userId FROM VehicleEntity v WHERE " + where
                    + " ORDER BY v.id DESC", Object[].class);
            parameters.forEach(query::setParameter);
            List<Object[]> rows = query.setMaxResults(MATCHING_CUSTOMERS_MAX).getResultList();
            Set<Long> ids = new LinkedHashSet<>();
            for (Object[] row : rows) {
                ids.add(((Number) row[0]).longValue());
                if (row[1] != null) {
                    ids.add(((Number) row[1]).longValue());
                }
            }
            return Set.copyOf(ids);
        });
    }

    private static boolean isWholePlate(String normalised) {
        try {
            Plate.parse("plate", normalised);
            return true;
        } catch (DmsException notWhole) {
            return false;
        }
    }

    @Override
    public List<Vehicle> changedSince(Instant after, long afterId, int max) {
        if (max < 1 || max > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("max must be 1-" + PageRequest.MAX_SIZE + ", not " + max);
        }
        return jpa.txExpr(em -> {
            var query = after == null
                    ? em.createQuery("SELECT v FROM VehicleEntity v ORDER BY v.updatedAt, v.id", VehicleEntity.class)
                    : em.createQuery("SELECT v FROM VehicleEntity v WHERE v.updatedAt > :at"
                            + " OR (v.updatedAt = :at AND v.id > :id) ORDER BY v.updatedAt, v.id", VehicleEntity.class)
                            .setParameter("at", Stored.utc(after)).setParameter("id", afterId);
            return query.setMaxResults(max).getResultList().stream().map(JpaVehicleService::toVehicle).toList();
        });
    }

    private boolean customerExists(long id) {
        try {
            customers.get(id);
            return true;
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static void apply(VehicleEntity e, VehicleRules.Valid valid) {
        e.vin = valid.vin().value();
        e.plate = valid.plate() == null ? null : valid.plate().value();
        e.active = valid.active();
        e.activePlate = e.active ? e.plate : null;
        e.make = valid.make();
        e.model = valid.model();
        e.year = valid.year();
        e.engineNumber = valid.engineNumber();
        e.colour = valid.colour();
        e.energyType = valid.energyType();
        e.ownerId = valid.ownerId();
        e.userId = valid.userId();
        e.insuranceDueDate = valid.insuranceDueDate();
        e.inspectionDueDate = valid.inspectionDueDate();
    }

    /** Names the vehicle that already has the VIN or the active plate, both at once if both clash. */
    private static void refuseDuplicates(EntityManager em, VehicleRules.Valid valid, Long exceptId) {
        List<Violation> clashes = new ArrayList<>();
        Long vinHolder = holder(em, "SELECT v.id FROM VehicleEntity v WHERE v.vin = :x", valid.vin().value(), exceptId);
        if (vinHolder != null) {
            clashes.add(duplicateVin(vinHolder));
        }
        if (valid.plate() != null && valid.active()) {
            Long plateHolder = holder(em, "SELECT v.id FROM VehicleEntity v WHERE v.activePlate = :x",
                    valid.plate().value(), exceptId);
            if (plateHolder != null) {
                clashes.add(duplicatePlate(plateHolder));
            }
        }
        if (!clashes.isEmpty()) {
            throw new DmsException(DmsException.Kind.CONFLICT, clashes);
        }
    }

    private static Long holder(EntityManager em, String jpql, String value, Long exceptId) {
        List<Long> holders = new ArrayList<>(em.createQuery(jpql, Long.class).setParameter("x", value).getResultList());
        holders.remove(exceptId);
        return holders.isEmpty() ? null : holders.get(0);
    }

    private static Violation duplicateVin(Long holder) {
        String who = holder == null ? "" : "（车辆 " + holder + "）";
        String whoEn = holder == null ? "" : " (vehicle " + holder + ")";
        return new Violation("vin", "vin.duplicate", "该车架号已登记在另一辆车上" + who,
                "this VIN is already registered for another vehicle" + whoEn);
    }

    private static Violation duplicatePlate(Long holder) {
        String who = holder == null ? "" : "（车辆 " + holder + "）";
        String whoEn = holder == null ? "" : " (vehicle " + holder + ")";
        return new Violation("plate", "plate.duplicate", "该车牌已登记在另一辆在用车辆上" + who + "；如该车已不在用，请先将其停用",
                "this plate is already registered for another active vehicle" + whoEn
                        + "; if that vehicle is gone, make it inactive first");
    }

    /** A concurrent insert of the same VIN or plate passes our check but not the unique constraint. */
    static RuntimeException translate(PersistenceException e) {
        if (Failures.isUniqueViolation(e)) {
            if (Failures.isUniqueViolation(e, "uq_vehicle_active_plate")) {
                return new DmsException(DmsException.Kind.CONFLICT, List.of(duplicatePlate(null)));
            }
            if (Failures.isUniqueViolation(e, "uq_vehicle_vin")) {
                return new DmsException(DmsException.Kind.CONFLICT, List.of(duplicateVin(null)));
            }
            return DmsException.conflict("", "duplicate", "车架号或车牌已被另一辆车登记", "the VIN or plate is already registered");
        }
        if (StaleVersion.isOptimisticLock(e)) {
            return StaleVersion.refusal("车辆资料", "the vehicle");
        }
        return e;
    }

    private static VehicleEntity find(EntityManager em, long id) {
        VehicleEntity e = em.find(VehicleEntity.class, id);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    private static DmsException notFound(long id) {
        return DmsException.notFound("id", "车辆 " + id + " 不存在", "vehicle " + id + " does not exist");
    }

    static Vehicle toVehicle(VehicleEntity e) {
        return new Vehicle(e.id, e.vin, e.plate, e.make, e.model, e.year, e.engineNumber, e.colour, e.energyType,
                e.ownerId, e.userId, e.insuranceDueDate, e.inspectionDueDate, e.active, e.lastOdometerKm,
                e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), e.version);
    }

    static OdometerReading toReading(OdometerReadingEntity r) {
        return new OdometerReading(r.vehicleId, r.km, Stored.instant(r.readAt), r.source, r.recordedBy,
                r.confirmedLower);
    }

    /** A stored UTC time as staff read it: the shop's local time. */
    private static String shown(LocalDateTime utc) {
        return SHOWN.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(VehicleRules.SHOP_ZONE));
    }

}
