package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRecords.load;
import static org.opendms.workorder.impl.WorkOrderRows.find;
import static org.opendms.workorder.impl.WorkOrderRows.history;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Reception;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.opendms.workorder.api.reception.ReceptionReminderSource;
import org.opendms.workorder.api.reception.ReceptionVisit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Reception: a work order opened at the desk, walk-in or by appointment, and the brief the advisor raises. */
@Component(service = Reception.class)
public class JpaReception implements Reception {

    /** Who may be a work order's advisor. */
    static final List<String> ADVISORS = List.of(Roles.ADVISOR, Roles.MANAGER);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Reference
    WorkOrderStore store;

    /** A converted appointment that another desk took first is cancelled through the status flow. */
    @Reference
    WorkOrderFlow flow;

    /** Vehicles are found by plate, registered and given their odometer reading through the vehicle archive. */
    @Reference
    VehicleService vehicles;

    /** The advisor a work order names is an active advisor or manager. */
    @Reference
    StaffDirectory staff;

    /** Converts an appointment into the work order opened for it; reception works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AppointmentService appointments;

    /** Plugins' reminders for the brief, e.g. the insurance plugin's policies ending soon. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ReceptionReminderSource> reminderSources = List.of();

    /** How long a brief waits for the plugins' reminders. */
    PluginReminders pluginReminders = new PluginReminders(Duration.ofSeconds(2));

    public JpaReception() {
    }

    @Deactivate
    void deactivate() {
        pluginReminders.close();
    }

    JpaReception(WorkOrderStore store, WorkOrderFlow flow, VehicleService vehicles, AppointmentService appointments,
            StaffDirectory staff) {
        this.store = store;
        this.staff = staff;
        this.flow = flow;
        this.vehicles = vehicles;
        this.appointments = appointments;
    }

    @Override
    public WorkOrder open(ReceptionDraft draft, Actor actor) {
        store.permissions.require(actor, "workorder.open");
        // named at the desk: a real advisor (absent: the appointment's advisor, checked when booked, or the user)
        boolean advisorNamed = draft != null && draft.advisor() != null && !draft.advisor().isBlank();
        Appointment appointment = draft == null || draft.appointmentId() == null ? null : bookedAppointment(draft);
        WorkOrder opened = receive(appointment == null ? draft : fromAppointment(draft, appointment), advisorNamed,
                actor);
        if (appointment == null) {
            return opened;
        }
        try {
            appointments.arrive(appointment.id(), appointment.version(), opened.id(), actor);
            return opened;
        } catch (RuntimeException e) {
            if (takenElsewhere(e)) {
                // another desk converted it first: this work order must not stand beside theirs
                cancel(opened, "预约已由他人登记到店 the appointment was converted by someone else", actor, e);
                throw DmsException.conflict("appointmentId", StaleVersion.CODE,
                        "预约 " + appointment.id() + " 已被他人登记到店，本工单 " + opened.number() + " 已作废，请重新读取预约",
                        "appointment " + appointment.id() + " was converted by someone else; work order "
                                + opened.number()
                                + " was cancelled; re-read the appointment");
            }
            // anything else is reported as itself; the work order goes too, so that reception is undone as a whole
            cancel(opened, "预约登记到店失败 converting the appointment failed (" + e.getClass().getSimpleName() + ")", actor,
                    e);
            throw e;
        }
    }

    /** The appointment service's own refusal: the appointment changed since it was read, or is no longer booked. */
    private static boolean takenElsewhere(RuntimeException e) {
        return e instanceof DmsException refused && refused.kind() == DmsException.Kind.CONFLICT
                && refused.violations().stream().anyMatch(v -> StaleVersion.CODE.equals(v.code())
                        || "not_booked".equals(v.code()));
    }

    /** Cancels the work order just opened; should that fail too, the failure is kept with the one being reported. */
    private void cancel(WorkOrder opened, String why, Actor actor, RuntimeException reported) {
        try {
            flow.changeStatus(opened.id(), opened.version(), WorkOrderStatus.CANCELLED, null, why, actor);
        } catch (RuntimeException e) {
            reported.addSuppressed(e);
        }
    }

    /** The appointment the draft converts, if it is still booked for that plate. */
    private Appointment bookedAppointment(ReceptionDraft draft) {
        AppointmentService service = appointments;
        if (service == null) {
            throw DmsException.invalid("appointmentId", "appointment.unavailable", "预约模块未启用，不能按预约开单",
                    "appointments are not installed: open the work order without one");
        }
        Appointment a;
        try {
            a = service.get(draft.appointmentId());
        } catch (DmsException e) {
            throw DmsException.invalid("appointmentId", "not_found", "预约 " + draft.appointmentId() + " 不存在",
                    "appointment " + draft.appointmentId() + " does not exist");
        }
        if (a.status() != AppointmentStatus.BOOKED) {
            throw DmsException.conflict("appointmentId", "appointment.not_booked",
                    "预约 " + a.id() + " 的状态是 " + a.status() + "，只有已预约的才能开单",
                    "appointment " + a.id() + " is " + a.status() + "; only a BOOKED one is converted");
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(store.now(), store.clock.zone());
        if (!a.date().equals(today)) {
            throw DmsException.conflict("appointmentId", "appointment.not_today",
                    "预约 " + a.id() + " 是 " + a.date() + " 的，今天（" + today + "）不能按此预约接车；请改约到今天或按散客接车",
                    "appointment " + a.id() + " is for " + a.date() + ", not today (" + today
                            + "); rebook it for today or"
                            + " receive the car as a walk-in");
        }
        if (draft.plate() != null && !draft.plate().isBlank()) {
            Plate plate = Plate.parse("plate", draft.plate());
            if (!plate.value().equals(a.plate())) {
                throw DmsException.invalid("appointmentId", "appointment.other_vehicle",
                        "预约 " + a.id() + " 是车牌 " + a.plate() + " 的，不是 " + plate.value(),
                        "appointment " + a.id() + " is for " + a.plate() + ", not " + plate.value());
            }
        }
        return a;
    }

    /** The draft with what the appointment knows filling what the advisor left out. */
    private static ReceptionDraft fromAppointment(ReceptionDraft d, Appointment a) {
        List<JobDraft> concerns = d.concerns() != null && !d.concerns().isEmpty() ? d.concerns()
                : a.concerns().stream().map(JobDraft::customer).toList();
        return new ReceptionDraft(d.plate() == null || d.plate().isBlank() ? a.plate() : d.plate(), d.vin(),
                d.ownerId() == null ? a.customerId() : d.ownerId(), d.mileageKm(), d.confirmLowerMileage(),
                d.fuelPercent(),
                d.walkAround(), concerns, d.advisor() == null || d.advisor().isBlank() ? a.advisor() : d.advisor(),
                d.promisedAt(), d.visitTypes(), d.approval(), a.id(), d.confirmSecondOpen());
    }

    /** The same car twice in the workshop is mostly a desk's slip: the advisor confirms a second open work order. */
    private void refuseSecondOpen(Vehicle vehicle) {
        List<String> open = store.read(em -> em
                .createQuery("SELECT w.number FROM WorkOrderEntity w WHERE w.vehicleId = :v"
                        + " AND w.status NOT IN :done ORDER BY w.id", String.class)
                .setParameter("v", vehicle.id())
                .setParameter("done", List.of(WorkOrderStatus.DELIVERED, WorkOrderStatus.CANCELLED)).getResultList());
        if (!open.isEmpty()) {
            throw DmsException.conflict("confirmSecondOpen", "vehicle.open_work_order",
                    "车辆 " + vehicle.plate() + " 已有未交车的工单 " + open.get(0) + "；确需再开一张，请勾选确认（confirmSecondOpen）",
                    "vehicle " + vehicle.plate() + " already has work order " + open.get(0)
                            + " open; set confirmSecondOpen to open a second one");
        }
    }

    private WorkOrder receive(ReceptionDraft draft, boolean advisorNamed, Actor actor) {
        Instant now = store.now();
        WorkOrderRules.Reception r = WorkOrderRules.reception(draft, actor.username(), now, vehicles::findByPlate);
        if (advisorNamed) {
            Violations v = new Violations();
            staff.check("advisor", r.advisor(), ADVISORS, "服务顾问或服务经理", "a service advisor or manager", v);
            v.throwIfAny();
        }
        Vehicle vehicle = r.vehicle();
        if (vehicle != null && !Boolean.TRUE.equals(draft.confirmSecondOpen())) {
            refuseSecondOpen(vehicle);
        }
        if (vehicle == null) {
            // the vehicle archive checks VIN and owner itself and names the field it refuses
            vehicle = vehicles.create(new VehicleDraft(r.vin().value(), r.plate().value(), null, null, null, null, null,
                    null, r.ownerId(), null, null, null, null), actor);
        }
        try {
            vehicles.recordOdometer(vehicle.id(), r.mileageKm(), "reception", r.confirmLower(), actor);
        } catch (DmsException refused) {
            throw asSent(refused);
        }
        WorkOrderStore.Settings s = store.settings;
        String day = DAY.format(now.atZone(store.clock.zone()));
        ensureCounter(day);
        Vehicle v = vehicle;
        WorkOrder opened = store.change(em -> {
            CounterEntity counter = em.find(CounterEntity.class, day, LockModeType.PESSIMISTIC_WRITE);
            if (counter == null) {
                throw new IllegalStateException("the work-order counter of " + day + " is missing");
            }
            counter.lastValue++;
            LocalDateTime at = utc(now);
            WorkOrderEntity e = new WorkOrderEntity();
            e.number = "WO" + day + "-" + String.format("%04d", counter.lastValue);
            e.vehicleId = v.id();
            e.plate = r.plate().value();
            e.customerId = v.ownerId();
            e.status = WorkOrderStatus.AWAITING_DISPATCH;
            e.visitTypes = r.visitTypes().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
            e.mileageInKm = r.mileageKm();
            e.fuelPercent = r.fuelPercent();
            e.walkAround = r.walkAround();
            e.advisor = r.advisor();
            e.promisedAt = r.promisedAt() == null ? null : utc(r.promisedAt());
            e.vatRate = s.vatRate();
            proposeComeback(em, e, now, s);
            e.openedAt = at;
            e.openedBy = actor.username();
            e.updatedAt = at;
            e.updatedBy = actor.username();
            e.version = 1;
            em.persist(e);
            em.flush();
            int seq = 0;
            for (WorkOrderRules.Job job : r.concerns()) {
                JobEntity j = JpaJobs.newJob(e, ++seq, job, false);
                if (r.approval() != null) {
                    JpaJobs.approve(j, r.approval(), at, actor);
                }
                em.persist(j);
            }
            history(em, e, null, WorkOrderStatus.AWAITING_DISPATCH, at, actor, null);
            em.flush();
            WorkOrder created = load(em, e, now);
            store.audit.record(em, actor, "work-order", e.id, null, created);
            return created;
        });
        store.tell(WorkOrderListener::opened, opened, null, null, actor, now);
        store.tell(WorkOrderListener::changed, opened, null, null, actor, now);
        return opened;
    }

    /**
     * The counter row of the day exists before it is locked. Several first openings of a day may all try to insert it:
     * one does, the others are refused by the primary key (or, on Derby, may time out on the other's insert) and then
     * use it.
     */
    private void ensureCounter(String day) {
        if (day.equals(counterDay)) {
            return; // seen today already: counter rows are never removed
        }
        DeadlockRetry.run(() -> {
            try {
                store.jpa.tx(em -> {
                    if (em.find(CounterEntity.class, day) == null) {
                        CounterEntity c = new CounterEntity();
                        c.day = day;
                        c.lastValue = 0;
                        em.persist(c);
                        em.flush();
                    }
                });
            } catch (PersistenceException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        });
        counterDay = day;
    }

    /** The last day whose counter row is known to exist: every opening after the first of a day skips a transaction. */
    private volatile String counterDay;

    /** The odometer's refusal naming the field the advisor sent: the vehicle archive calls mileageKm km. */
    private static DmsException asSent(DmsException refused) {
        return new DmsException(refused.kind(), refused.violations().stream()
                .map(v -> "km".equals(v.field()) ? new Violation("mileageKm", v.code(), v.messageZh(), v.messageEn())
                        : v)
                .toList());
    }

    /** The newest delivered work order of the vehicle, if it is within the comeback window by days or by km. */
    private static void proposeComeback(EntityManager em, WorkOrderEntity e, Instant now, WorkOrderStore.Settings s) {
        List<WorkOrderEntity> last = em.createQuery("SELECT w FROM WorkOrderEntity w WHERE w.vehicleId = :v"
                + " AND w.status = :delivered ORDER BY w.deliveredAt DESC, w.id DESC", WorkOrderEntity.class)
                .setParameter("v", e.vehicleId).setParameter("delivered", WorkOrderStatus.DELIVERED)
                .setMaxResults(1).getResultList();
        if (last.isEmpty()) {
            return;
        }
        WorkOrderEntity earlier = last.get(0);
        boolean byDays = !Stored.instant(earlier.deliveredAt).isBefore(now.minus(s.comebackDays(), ChronoUnit.DAYS));
        int km = e.mileageInKm - earlier.mileageInKm;
        boolean byKm = km >= 0 && km <= s.comebackKm();
        if (byDays || byKm) {
            e.comebackOfId = earlier.id;
            e.comebackOfNumber = earlier.number;
            e.comebackDecision = ComebackDecision.PROPOSED;
        }
    }

    @Override
    public ReceptionBrief receptionBrief(long id) {
        WorkOrderEntity wo = store.read(em -> find(em, id));
        Vehicle vehicle = vehicles.get(wo.vehicleId);
        ReceptionBriefs.Intervals i = store.intervals;
        ReceptionBrief brief = store.read(em -> ReceptionBriefs.brief(em, wo, vehicle, i, store.clock.zone()));
        List<ReceptionReminderSource> sources = reminderSources;
        if (sources.isEmpty()) {
            return brief;
        }
        ReceptionVisit visit = new ReceptionVisit(wo.id, vehicle.id(), vehicle.plate(), vehicle.vin(), wo.customerId,
                Stored.instant(wo.openedAt).atZone(store.clock.zone()).toLocalDate());
        List<ReceptionBrief.Reminder> reminders = new ArrayList<>(brief.reminders());
        reminders.addAll(pluginReminders.ask(sources, visit));
        return new ReceptionBrief(brief.workOrderId(), brief.vehicleId(), brief.plate(), brief.vin(), brief.make(),
                brief.model(), brief.year(), brief.lastOdometerKm(), brief.recentVisits(), brief.maintenance(),
                brief.insurance(), brief.inspection(), brief.comebackOf(), reminders);
    }
}
