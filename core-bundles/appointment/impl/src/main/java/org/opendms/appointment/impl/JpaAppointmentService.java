package org.opendms.appointment.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentDraft;
import org.opendms.appointment.api.AppointmentQuery;
import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.appointment.api.SlotLoad;
import org.opendms.appointment.api.WorkOrderPlates;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.VehicleService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Appointments on JPA. A booking locks its slot's counter row, so of two advisors booking the last place at once,
 * the second waits, then sees the slot full.
 */
@Component(service = AppointmentService.class, configurationPid = WorkshopCapacity.PID)
@Designate(ocd = WorkshopCapacity.Settings.class)
public class JpaAppointmentService implements AppointmentService {

    @Reference(target = "(osgi.unit.name=dms-appointment)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.appointment.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    CustomerService customers;

    @Reference
    ShopClock clock;

    /** Who changed which field of an appointment, old and new value, written in the change's transaction. */
    @Reference
    AuditTrail audit;

    /** The advisor a booking names is an active advisor or manager. */
    @Reference
    StaffDirectory staff;

    /** A car in the archive is booked only for its owner. */
    @Reference
    VehicleService vehicles;

    /** Which car a work order is for: an arrival links only a work order of the appointment's car. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WorkOrderPlates workOrders;

    /** Who may receive a booked car. */
    static final List<String> ADVISORS = List.of(Roles.ADVISOR, Roles.MANAGER);

    volatile WorkshopCapacity capacity = WorkshopCapacity.DEFAULT;

    @Activate
    @Modified
    void configure(WorkshopCapacity.Settings settings) {
        capacity = WorkshopCapacity.of(settings);
    }

    private LocalDateTime shopNow() {
        return LocalDateTime.now(clock.clock());
    }

    @Override
    public Appointment book(AppointmentDraft draft, Actor actor) {
        permissions.require(actor, "appointment.book");
        WorkshopCapacity c = capacity;
        AppointmentRules.Valid valid = AppointmentRules.check(draft, shopNow(), c, this::customerExists);
        checkReferences(valid);
        for (int attempt = 1;; attempt++) {
            try {
                return DeadlockRetry.write(() -> jpa.txExpr(em -> {
                    SlotEntity slot = lockedSlot(em, valid.date(), valid.start());
                    if (slot.booked >= c.perSlot()) {
                        throw DmsException.conflict("start", "slot_full",
                                valid.date() + " " + valid.start() + " 的时段已约满（已约 " + slot.booked + " / 可约 "
                                        + c.perSlot() + "），请选其他时段",
                                "the " + valid.date() + " " + valid.start() + " slot is full (" + slot.booked + " of "
                                        + c.perSlot() + " booked); choose another slot");
                    }
                    slot.booked++;
                    AppointmentEntity e = new AppointmentEntity();
                    e.plate = valid.plate();
                    e.customerId = valid.customerId();
                    e.channel = valid.channel();
                    e.day = valid.date();
                    e.startTime = valid.start();
                    e.endTime = c.end(valid.start());
                    e.advisor = valid.advisor();
                    e.concerns = String.join("\n", valid.concerns());
                    e.status = AppointmentStatus.BOOKED;
                    e.created(clock.now(), actor);
                    em.persist(e);
                    em.flush();
                    audit.record(em, actor, "appointment", e.id, null, toAppointment(e));
                    return toAppointment(e);
                }));
            } catch (PersistenceException e) {
                // two first bookings of a slot both created its counter row; the loser books again, now queued
                if (attempt >= 3 || !Failures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** The people and the car a booking names: an active advisor, and a car of the customer booked. */
    private void checkReferences(AppointmentRules.Valid valid) {
        Violations v = new Violations();
        staff.check("advisor", valid.advisor(), ADVISORS, "服务顾问或服务经理", "a service advisor or manager", v);
        if (valid.customerId() != null) {
            vehicles.findByPlate(valid.plate()).filter(car -> car.ownerId() != valid.customerId())
                    .ifPresent(car -> v.add("customerId", "vehicle.other_owner",
                            "车牌 " + valid.plate() + " 的车辆登记在客户 " + car.ownerId() + " 名下，不属于客户 "
                                    + valid.customerId() + "；请核对客户，或先在车辆档案中办理车主变更",
                            "the car " + valid.plate() + " belongs to customer " + car.ownerId() + ", not customer "
                                    + valid.customerId() + "; check the customer or record the change of owner in"
                                    + " the vehicle archive first"));
        }
        v.throwIfAny();
    }

    /** The slot's counter row, locked until the transaction ends; made on the slot's first booking. */
    private static SlotEntity lockedSlot(EntityManager em, LocalDate day, LocalTime start) {
        List<SlotEntity> found = em.createQuery("SELECT s FROM SlotEntity s WHERE s.day = :d AND s.startTime = :t",
                SlotEntity.class).setParameter("d", day).setParameter("t", start)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        SlotEntity slot = new SlotEntity();
        slot.day = day;
        slot.startTime = start;
        em.persist(slot);
        em.flush();
        return slot;
    }

    @Override
    public Appointment get(long id) {
        return jpa.txExpr(em -> toAppointment(find(em, id)));
    }

    @Override
    public List<SlotLoad> slots(LocalDate day) {
        if (day == null) {
            throw DmsException.invalid("date", "required", "请选择日期", "date is required");
        }
        WorkshopCapacity c = capacity;
        Map<LocalTime, Integer> booked = new HashMap<>();
        jpa.tx(em -> em.createQuery("SELECT s FROM SlotEntity s WHERE s.day = :d", SlotEntity.class)
                .setParameter("d", day).getResultList().forEach(s -> booked.put(s.startTime, s.booked)));
        List<SlotLoad> slots = new ArrayList<>();
        for (LocalTime start : c.starts()) {
            slots.add(new SlotLoad(start, c.end(start), booked.getOrDefault(start, 0), c.perSlot()));
        }
        return slots;
    }

    @Override
    public Page<Appointment> search(AppointmentQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        AppointmentQuery q = query == null ? new AppointmentQuery(null, null, null, null, null) : query;
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw DmsException.invalid("to", "before_from", "结束日期早于开始日期", "to is before from");
        }
        PagedSearch<AppointmentEntity> search = PagedSearch.of(AppointmentEntity.class, "a");
        if (q.from() != null) {
            search.where("a.day >= :from", "from", q.from());
        }
        if (q.to() != null) {
            search.where("a.day <= :to", "to", q.to());
        }
        if (q.advisor() != null && !q.advisor().isBlank()) {
            search.where("a.advisor = :advisor", "advisor", q.advisor().strip());
        }
        if (q.status() != null) {
            search.where("a.status = :status", "status", q.status());
        }
        String plate = q.plate() == null || q.plate().length() > 40 ? "" : Plate.normaliseFragment(q.plate());
        if (!plate.isEmpty()) {
            search.where("a.plate LIKE :plate ESCAPE '\\'", "plate", Stored.containsPattern(plate));
        }
        return jpa
                .txExpr(em -> search.page(em, "a.day, a.startTime, a.id", page, JpaAppointmentService::toAppointment));
    }

    @Override
    public Appointment arrive(long id, long expectedVersion, Long workOrderId, Actor actor) {
        permissions.require(actor, "appointment.arrive");
        if (workOrderId != null && workOrderId <= 0) {
            throw DmsException.invalid("workOrderId", "out_of_range", "工单号不正确", "workOrderId must be positive");
        }
        LocalDate today = shopNow().toLocalDate();
        WorkOrderPlates plates = workOrders;
        Optional<String> plateOfWorkOrder = workOrderId == null || plates == null ? Optional.empty()
                : plates.plateOf(workOrderId);
        return change(id, expectedVersion, actor, AppointmentStatus.ARRIVED, (em, e) -> {
            if (!e.day.equals(today)) {
                throw notToday("id", e.id, e.day, today);
            }
            if (workOrderId != null && plateOfWorkOrder.isEmpty()) {
                throw DmsException.invalid("workOrderId", "workorder.unknown", "工单 " + workOrderId + " 不存在",
                        "work order " + workOrderId + " does not exist");
            }
            if (workOrderId != null && !plateOfWorkOrder.get().equals(e.plate)) {
                throw DmsException.invalid("workOrderId", "workorder.other_vehicle",
                        "工单 " + workOrderId + " 是车牌 " + plateOfWorkOrder.get() + " 的，不是本预约的 " + e.plate,
                        "work order " + workOrderId + " is for " + plateOfWorkOrder.get()
                                + ", not for this appointment's "
                                + e.plate);
            }
            e.workOrderId = workOrderId;
            lockedSlot(em, e.day, e.startTime).booked--; // the car is here: its place in the slot is free for a walk-in
        });
    }

    /** An appointment is received on its own day: tomorrow's is booked again for today, not taken early. */
    static DmsException notToday(String field, long id, LocalDate day, LocalDate today) {
        return DmsException.conflict(field, "appointment.not_today",
                "预约 " + id + " 是 " + day + " 的，今天（" + today + "）不能按此预约接车；请改约到今天或按散客接车",
                "appointment " + id + " is for " + day + ", not today (" + today + "); rebook it for today or receive"
                        + " the car as a walk-in");
    }

    @Override
    public Appointment noShow(long id, long expectedVersion, Actor actor) {
        permissions.require(actor, "appointment.no-show");
        LocalDateTime now = shopNow();
        return change(id, expectedVersion, actor, AppointmentStatus.NO_SHOW, (em, e) -> {
            if (now.isBefore(LocalDateTime.of(e.day, e.startTime))) {
                throw DmsException.conflict("status", "not_yet", "预约时段（" + e.day + " " + e.startTime + "）尚未开始，不能登记爽约",
                        "the slot (" + e.day + " " + e.startTime + ") has not begun; it cannot be a no-show yet");
            }
        });
    }

    @Override
    public Appointment cancel(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "appointment.cancel");
        String why = AppointmentRules.reason(reason);
        return change(id, expectedVersion, actor, AppointmentStatus.CANCELLED, (em, e) -> {
            e.reason = why;
            lockedSlot(em, e.day, e.startTime).booked--; // the place is free again
        });
    }

    private interface Step {
        void apply(EntityManager em, AppointmentEntity e);
    }

    /** A BOOKED appointment, at the version the user read, moves to its final status. */
    private Appointment change(long id, long expectedVersion, Actor actor, AppointmentStatus to, Step step) {
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            AppointmentEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "预约", "the appointment");
            if (e.status != AppointmentStatus.BOOKED) {
                throw DmsException.conflict("status", "not_booked",
                        "预约已是「" + e.status.chinese() + "」，不能再改为「" + to.chinese() + "」",
                        "the appointment is already " + e.status + "; it cannot become " + to);
            }
            Appointment before = toAppointment(e);
            step.apply(em, e);
            e.status = to;
            e.updated(clock.now(), actor);
            em.flush();
            audit.record(em, actor, "appointment", id, before, toAppointment(e));
            return toAppointment(e);
        }));
    }

    private static AppointmentEntity find(EntityManager em, long id) {
        AppointmentEntity e = em.find(AppointmentEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "预约 " + id + " 不存在", "appointment " + id + " does not exist");
        }
        return e;
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

    static Appointment toAppointment(AppointmentEntity e) {
        return new Appointment(e.id, e.plate, e.customerId, e.channel, e.day, e.startTime, e.endTime, e.advisor,
                List.copyOf(Arrays.asList(e.concerns.split("\n"))), e.status, e.workOrderId, e.reason,
                e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), e.version);
    }
}
