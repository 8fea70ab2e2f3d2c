package org.opendms.plugin.insurance.impl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.PermissionSet;
import org.opendms.platform.api.security.Permissions;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.plugin.insurance.api.PolicyQuery;
import org.opendms.plugin.insurance.api.RenewalDue;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Policies and the renewal list on JPA. Starts only once the ins_* tables are migrated. */
@Component(service = InsuranceService.class, configurationPid = InsuranceConfig.PID)
@Designate(ocd = InsuranceConfig.class)
public class JpaInsuranceService implements InsuranceService {

    /** Longest plate or insurer text searched for. */
    static final int SEARCH_MAX = 40;
    /** Most insurer names offered for completion. */
    static final int INSURERS_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(JpaInsuranceService.class);

    @Reference(target = "(osgi.unit.name=dms-insurance)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.plugin.insurance.impl)")
    SchemaReady schema;

    /** A policy never points at a vehicle that does not exist; the renewal list shows its current plate and owner. */
    @Reference
    VehicleService vehicles;

    /** "Today" is the shop's, not the server's. */
    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    /** Ours: bound here so that the table knows the plugin's permissions before this service answers anyone. */
    @Reference(target = "(" + InsurancePermissions.PROPERTY + "=insurance)")
    PermissionSet ownPermissions;

    private volatile int windowDays = InsuranceConfig.DEFAULT_WINDOW_DAYS;

    /**
     * The overlap check reads, then writes: two desks recording overlapping policies of one vehicle at once would both
     * pass it. Changes to one vehicle's policies queue on one of these (a single Karaf serves a shop).
     */
    private final Object[] vehicleLocks = new Object[64];

    public JpaInsuranceService() {
        for (int i = 0; i < vehicleLocks.length; i++) {
            vehicleLocks[i] = new Object();
        }
    }

    @Activate
    @Modified
    void configure(InsuranceConfig config) {
        int days = config.renewalWindowDays();
        if (PolicyRules.windowInRange(days)) {
            windowDays = days;
        } else {
            LOG.error("renewalWindowDays {} in {} is not between {} and {}; using {}", days, InsuranceConfig.PID,
                    WINDOW_MIN_DAYS, WINDOW_MAX_DAYS, InsuranceConfig.DEFAULT_WINDOW_DAYS);
            windowDays = InsuranceConfig.DEFAULT_WINDOW_DAYS;
        }
    }

    @Override
    public int renewalWindowDays() {
        return windowDays;
    }

    @Override
    public Policy create(PolicyDraft draft, Actor actor) {
        permissions.require(actor, InsurancePermissions.POLICY_CREATE);
        PolicyRules.Valid valid = PolicyRules.check(draft, this::vehicle);
        return write(valid, () -> jpa.txExpr(em -> {
            refuseClashes(em, valid, null);
            PolicyEntity e = new PolicyEntity();
            apply(e, valid);
            e.created(clock.now(), actor);
            em.persist(e);
            em.flush();
            return toPolicy(e);
        }));
    }

    @Override
    public Policy update(long id, long expectedVersion, PolicyDraft draft, Actor actor) {
        permissions.require(actor, InsurancePermissions.POLICY_UPDATE);
        PolicyRules.Valid valid = PolicyRules.check(draft, this::vehicle);
        return write(valid, () -> jpa.txExpr(em -> {
            PolicyEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "保单", "the policy");
            refuseClashes(em, valid, id);
            apply(e, valid);
            e.updated(clock.now(), actor);
            em.flush();
            return toPolicy(e);
        }));
    }

    private Policy write(PolicyRules.Valid valid, Supplier<Policy> change) {
        synchronized (vehicleLocks[(int) Math.floorMod(valid.vehicle().id(), (long) vehicleLocks.length)]) {
            try {
                return DeadlockRetry.write(change);
            } catch (PersistenceException e) {
                throw translate(e);
            }
        }
    }

    @Override
    public Policy get(long id, Actor actor) {
        permissions.require(actor, InsurancePermissions.POLICY_READ);
        return jpa.txExpr(em -> toPolicy(find(em, id)));
    }

    @Override
    public Page<Policy> find(PolicyQuery query, PageRequest page, Actor actor) {
        permissions.require(actor, InsurancePermissions.POLICY_READ);
        Objects.requireNonNull(page, "page");
        PolicyQuery q = query == null ? new PolicyQuery(null, null, null, null) : query;
        PagedSearch<PolicyEntity> search = PagedSearch.of(PolicyEntity.class, "p");
        if (q.vehicleId() != null) {
            search.where("p.vehicleId = :vehicle", "vehicle", q.vehicleId());
        }
        String plate = Plate.normaliseFragment(searchText("plate", q.plate()));
        if (!plate.isEmpty()) {
            search.where("p.plate LIKE :plate ESCAPE '\\'", "plate", Stored.containsPattern(plate));
        }
        String insurer = searchText("insurer", q.insurer()).strip();
        if (!insurer.isEmpty()) {
            search.where("p.insurer LIKE :insurer ESCAPE '\\'", "insurer", Stored.containsPattern(insurer));
        }
        if (q.kind() != null) {
            search.where("p.kind = :kind", "kind", q.kind());
        }
        return jpa.txExpr(em -> search.page(em, "p.endDate DESC, p.id DESC", page, JpaInsuranceService::toPolicy));
    }

    @Override
    public List<RenewalDue> renewals(Integer days, Actor actor) {
        permissions.require(actor, InsurancePermissions.RENEWAL_READ);
        int window = PolicyRules.window(days, windowDays);
        LocalDate today = clock.today();
        LocalDate from = today.minusDays(EXPIRED_SHOWN_DAYS);
        LocalDate to = today.plusDays(window);
        List<PolicyEntity> policies = jpa.txExpr(em -> em.createQuery("SELECT p FROM PolicyEntity p"
                + " WHERE p.endDate BETWEEN :from AND :to AND NOT EXISTS (SELECT q.id FROM PolicyEntity q"
                + " WHERE q.vehicleId = p.vehicleId AND q.kind = p.kind AND q.endDate > p.endDate)"
                + " ORDER BY p.endDate, p.id", PolicyEntity.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
        List<VehicleDueEntity> leads = jpa.txExpr(em -> em.createQuery("SELECT d FROM VehicleDueEntity d"
                + " WHERE d.insuranceDueDate BETWEEN :from AND :to AND NOT EXISTS (SELECT p.id FROM PolicyEntity p"
                + " WHERE p.vehicleId = d.vehicleId AND p.endDate >= d.insuranceDueDate)"
                + " ORDER BY d.insuranceDueDate, d.vehicleId", VehicleDueEntity.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
        List<RenewalDue> due = new ArrayList<>(policies.size() + leads.size());
        // the vehicle file, not the policy, says who owns the car now and whether it is still ours to call about
        Map<Long, Vehicle> seen = new HashMap<>();
        for (PolicyEntity p : policies) {
            Vehicle v = seen.computeIfAbsent(p.vehicleId, this::vehicle);
            if (v != null && v.active()) {
                due.add(new RenewalDue(v.id(), v.plate(), v.ownerId(), p.kind, p.insurer, p.policyNumber, p.endDate,
                        ChronoUnit.DAYS.between(today, p.endDate), RenewalDue.Source.POLICY));
            }
        }
        for (VehicleDueEntity d : leads) {
            due.add(new RenewalDue(d.vehicleId, d.plate, d.ownerId, null, null, null, d.insuranceDueDate,
                    ChronoUnit.DAYS.between(today, d.insuranceDueDate), RenewalDue.Source.VEHICLE_FILE));
        }
        due.sort(Comparator.comparing(RenewalDue::endDate).thenComparing(RenewalDue::vehicleId)
                .thenComparing(RenewalDue::source));
        return due;
    }

    @Override
    public List<String> insurers() {
        return jpa.txExpr(em -> em.createQuery("SELECT DISTINCT p.insurer FROM PolicyEntity p ORDER BY p.insurer",
                String.class).setMaxResults(INSURERS_MAX).getResultList());
    }

    /** The vehicle, or null when the vehicle file has none with this id. */
    private Vehicle vehicle(long id) {
        try {
            return vehicles.get(id);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static String searchText(String field, String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() > SEARCH_MAX) {
            throw DmsException.invalid(field, "too_long", field + " 过长（最多 " + SEARCH_MAX + " 个字符）",
                    field + " is too long (at most " + SEARCH_MAX + " characters)");
        }
        return raw;
    }

    private static void apply(PolicyEntity e, PolicyRules.Valid valid) {
        e.vehicleId = valid.vehicle().id();
        e.plate = valid.vehicle().plate();
        e.insurer = valid.insurer();
        e.policyNumber = valid.policyNumber();
        e.kind = valid.kind();
        e.startDate = valid.startDate();
        e.endDate = valid.endDate();
        e.premium = valid.premium();
        e.note = valid.note();
    }

    /** Refuses a policy number the insurer already issued, and a second policy of one kind on the same day. */
    private static void refuseClashes(EntityManager em, PolicyRules.Valid valid, Long exceptId) {
        long except = exceptId == null ? -1 : exceptId;
        List<PolicyEntity> sameNumber = em.createQuery("SELECT p FROM PolicyEntity p"
                + " WHERE p.insurer = :insurer AND p.policyNumber = :number AND p.id <> :except", PolicyEntity.class)
                .setParameter("insurer", valid.insurer()).setParameter("number", valid.policyNumber())
                .setParameter("except", except).getResultList();
        if (!sameNumber.isEmpty()) {
            throw duplicateNumber(sameNumber.get(0).id);
        }
        List<PolicyEntity> overlapping = em.createQuery("SELECT p FROM PolicyEntity p WHERE p.vehicleId = :vehicle"
                + " AND p.kind = :kind AND p.startDate <= :end AND p.endDate >= :start AND p.id <> :except"
                + " ORDER BY p.startDate", PolicyEntity.class)
                .setParameter("vehicle", valid.vehicle().id()).setParameter("kind", valid.kind())
                .setParameter("start", valid.startDate()).setParameter("end", valid.endDate())
                .setParameter("except", except).setMaxResults(1).getResultList();
        if (!overlapping.isEmpty()) {
            PolicyEntity o = overlapping.get(0);
            throw DmsException.conflict("startDate", "policy.overlap",
                    "该车已有" + o.kind.label() + "保单 " + o.policyNumber + "（" + o.insurer + "，" + o.startDate + " 至 "
                            + o.endDate + "）与此期限重叠",
                    "the vehicle already has a " + o.kind.name().toLowerCase(Locale.ROOT) + " policy " + o.policyNumber
                            + " (" + o.insurer + ", " + o.startDate + " to " + o.endDate + ") overlapping this term");
        }
    }

    private static DmsException duplicateNumber(Long holder) {
        String who = holder == null ? "" : "（保单记录 " + holder + "）";
        String whoEn = holder == null ? "" : " (policy record " + holder + ")";
        return DmsException.conflict("policyNumber", "policy_number.duplicate", "该保险公司的这个保单号已登记" + who,
                "this insurer's policy number is already recorded" + whoEn);
    }

    /** A concurrent insert of the same number passes our check but not the unique constraint. */
    static RuntimeException translate(PersistenceException e) {
        if (Failures.isUniqueViolation(e)) {
            return duplicateNumber(null);
        }
        if (StaleVersion.isOptimisticLock(e)) {
            return StaleVersion.refusal("保单", "the policy");
        }
        return e;
    }

    private static PolicyEntity find(EntityManager em, long id) {
        PolicyEntity e = em.find(PolicyEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "保单记录 " + id + " 不存在", "policy record " + id + " does not exist");
        }
        return e;
    }

    static Policy toPolicy(PolicyEntity e) {
        return new Policy(e.id, e.vehicleId, e.plate, e.insurer, e.policyNumber, e.kind, e.startDate, e.endDate,
                e.premium, e.note, e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), e.version);
    }
}
