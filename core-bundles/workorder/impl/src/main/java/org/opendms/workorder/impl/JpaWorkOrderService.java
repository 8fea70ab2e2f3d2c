package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.platform.api.Actor;
import org.opendms.plugin.api.event.WorkOrderEvent;
import org.opendms.plugin.api.event.WorkOrderListener;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.workorder.api.Approval;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Decline;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.Skill;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TechnicianSkill;
import org.opendms.workorder.api.TechnicianSuggestion;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.Totals;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderService;
import org.opendms.workorder.api.WorkOrderStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work orders on JPA. Starts only once the wo_* tables are migrated.
 * <p>
 * Every change locks the work order's row, compares its version with the one the user read and adds one to it, so
 * two desks changing one work order queue and the second is told its copy is stale. Listeners are told after commit.
 */
@Component(service = WorkOrderService.class, configurationPid = WorkOrderConfig.PID)
@Designate(ocd = WorkOrderConfig.class)
public class JpaWorkOrderService implements WorkOrderService {

    static final int SEARCH_MAX = 40;
    private static final Logger LOG = LoggerFactory.getLogger(JpaWorkOrderService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Set<WorkOrderStatus> CLOSED = EnumSet.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.DELIVERED,
            WorkOrderStatus.CANCELLED);

    /** The configurable numbers, fixed together. */
    record Settings(BigDecimal vatRate, int comebackDays, int comebackKm) {
        static final Settings DEFAULTS = new Settings(new BigDecimal(DEFAULT_VAT_RATE).setScale(4), DEFAULT_COMEBACK_DAYS,
                DEFAULT_COMEBACK_KM);
    }

    @Reference(target = "(osgi.unit.name=dms-workorder)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.workorder.impl)")
    SchemaReady schema;

    /** Vehicles are found by plate, registered and given their odometer reading through the vehicle archive. */
    @Reference
    VehicleService vehicles;

    /** The shop's day decides the work-order number; its clock stamps every event. */
    @Reference
    ShopClock clock;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<WorkOrderListener> listeners = List.of();

    volatile Settings settings = Settings.DEFAULTS;

    volatile ReceptionBriefs.Intervals intervals = ReceptionBriefs.Intervals.DEFAULTS;

    /** Converts an appointment into the work order opened for it; reception works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AppointmentService appointments;

    /** The QC levels a work order passes before COMPLETED; FINAL always among them. */
    volatile List<QcLevel> qcLevels = WorkOrderRules.qcLevels(DEFAULT_QC_LEVELS);

    static final String DEFAULT_QC_LEVELS = "SELF,FOREMAN,FINAL";

    /** Rate per hour for a labour line given without one, by the job's pay type. */
    volatile Map<PayType, BigDecimal> labourRates = WorkOrderRules.labourRates(DEFAULT_LABOUR_RATES);

    static final String DEFAULT_LABOUR_RATES = "CUSTOMER=100,WARRANTY=100,INSURANCE=100,INTERNAL=100";

    /**
     * Clocking a technician on reads (is a clock of theirs running?), then writes: two terminals clocking the same
     * technician on at once would both pass the read. They queue on one of these (a single Karaf serves a shop); the
     * unique constraint on the running technician still guards against anything else writing, and Derby answers a
     * concurrent insert of the same key with a lock timeout rather than waiting.
     */
    private final Object[] technicianLocks = new Object[64];

    public JpaWorkOrderService() {
        for (int i = 0; i < technicianLocks.length; i++) {
            technicianLocks[i] = new Object();
        }
    }

    /** Outside OSGi (tests, tools): the settings given instead of a configuration. */
    JpaWorkOrderService(BigDecimal vatRate, int comebackDays, int comebackKm) {
        this();
        settings = new Settings(vatRate.setScale(4), comebackDays, comebackKm);
    }

    @Activate
    @Modified
    void configure(WorkOrderConfig config) {
        BigDecimal rate = WorkOrderRules.vatRate(config.vatRate());
        if (rate == null) {
            LOG.error("vatRate '{}' in {} is not a rate from 0 to 0.99 with at most 4 decimals; using {}",
                    config.vatRate(), WorkOrderConfig.PID, DEFAULT_VAT_RATE);
            rate = Settings.DEFAULTS.vatRate();
        }
        int days = config.comebackDays() < 0 ? DEFAULT_COMEBACK_DAYS : config.comebackDays();
        int km = config.comebackKm() < 0 ? DEFAULT_COMEBACK_KM : config.comebackKm();
        settings = new Settings(rate, days, km);
        ReceptionBriefs.Intervals d = ReceptionBriefs.Intervals.DEFAULTS;
        intervals = new ReceptionBriefs.Intervals(
                config.maintenanceIntervalKm() > 0 ? config.maintenanceIntervalKm() : d.maintenanceKm(),
                config.maintenanceIntervalMonths() > 0 ? config.maintenanceIntervalMonths() : d.maintenanceMonths(),
                config.dueSoonDays() >= 0 ? config.dueSoonDays() : d.dueSoonDays());
        Map<PayType, BigDecimal> rates = WorkOrderRules.labourRates(config.labourRates());
        if (rates == null) {
            LOG.error("labourRates '{}' in {} is not a list like CUSTOMER=120,WARRANTY=100; using {}", config.labourRates(),
                    WorkOrderConfig.PID, DEFAULT_LABOUR_RATES);
            rates = WorkOrderRules.labourRates(DEFAULT_LABOUR_RATES);
        }
        labourRates = rates;
        List<QcLevel> levels = WorkOrderRules.qcLevels(config.qcLevels());
        if (levels == null) {
            LOG.error("qcLevels '{}' in {} is not a list of SELF, FOREMAN, FINAL holding FINAL; using {}", config.qcLevels(),
                    WorkOrderConfig.PID, DEFAULT_QC_LEVELS);
            levels = WorkOrderRules.qcLevels(DEFAULT_QC_LEVELS);
        }
        qcLevels = levels;
    }

    // ---------------------------------------------------------------- reception

    @Override
    public WorkOrder open(ReceptionDraft draft, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "开立工单", "open work orders");
        Appointment appointment = draft == null || draft.appointmentId() == null ? null : bookedAppointment(draft);
        WorkOrder opened = receive(appointment == null ? draft : fromAppointment(draft, appointment), actor);
        if (appointment == null) {
            return opened;
        }
        try {
            appointments.arrive(appointment.id(), appointment.version(), opened.id(), actor);
            return opened;
        } catch (RuntimeException e) {
            // another desk converted it first: this work order must not stand beside theirs
            String why = "预约已由他人登记到店 the appointment was converted by someone else";
            changeStatus(opened.id(), opened.version(), WorkOrderStatus.CANCELLED, null, why, actor);
            throw DmsException.conflict("appointmentId", "stale_version",
                    "预约 " + appointment.id() + " 已被他人登记到店，本工单 " + opened.number() + " 已作废，请重新读取预约",
                    "appointment " + appointment.id() + " was converted by someone else; work order " + opened.number()
                            + " was cancelled; re-read the appointment");
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
                d.ownerId() == null ? a.customerId() : d.ownerId(), d.mileageKm(), d.confirmLowerMileage(), d.fuelPercent(),
                d.walkAround(), concerns, d.advisor() == null || d.advisor().isBlank() ? a.advisor() : d.advisor(),
                d.promisedAt(), d.visitTypes(), d.approval(), a.id());
    }

    private WorkOrder receive(ReceptionDraft draft, Actor actor) {
        Instant now = now();
        WorkOrderRules.Reception r = WorkOrderRules.reception(draft, actor.username(), now, vehicles::findByPlate);
        Vehicle vehicle = r.vehicle();
        if (vehicle == null) {
            // the vehicle archive checks VIN and owner itself and names the field it refuses
            vehicle = vehicles.create(new VehicleDraft(r.vin().value(), r.plate().value(), null, null, null, null, null,
                    null, r.ownerId(), null, null, null, null), actor);
        }
        vehicles.recordOdometer(vehicle.id(), r.mileageKm(), "reception", r.confirmLower(), actor);
        Settings s = settings;
        String day = DAY.format(now.atZone(clock.zone()));
        ensureCounter(day);
        Vehicle v = vehicle;
        WorkOrder opened = write(() -> jpa.txExpr(em -> {
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
                JobEntity j = newJob(e, ++seq, job, false);
                if (r.approval() != null) {
                    approve(j, r.approval(), at, actor);
                }
                em.persist(j);
            }
            history(em, e, null, WorkOrderStatus.AWAITING_DISPATCH, at, actor, null);
            em.flush();
            return load(em, e);
        }));
        tell(WorkOrderListener::opened, event(opened, null, null, actor, now));
        return opened;
    }

    /**
     * The counter row of the day exists before it is locked. Several first openings of a day may all try to insert it:
     * one does, the others are refused by the primary key (or, on Derby, may time out on the other's insert) and then
     * use it.
     */
    private void ensureCounter(String day) {
        for (int attempt = 1;; attempt++) {
            try {
                jpa.tx(em -> {
                    if (em.find(CounterEntity.class, day) == null) {
                        CounterEntity c = new CounterEntity();
                        c.day = day;
                        c.lastValue = 0;
                        em.persist(c);
                        em.flush();
                    }
                });
                return;
            } catch (PersistenceException e) {
                if (Failures.isUniqueViolation(e)) {
                    return;
                }
                if (attempt >= DEADLOCK_ATTEMPTS || !(isDeadlock(e) || hasState(e, "40XL1"))) {
                    throw e;
                }
            }
        }
    }

    /** The newest delivered work order of the vehicle, if it is within the comeback window by days or by km. */
    private static void proposeComeback(EntityManager em, WorkOrderEntity e, Instant now, Settings s) {
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
    public WorkOrder get(long id) {
        return jpa.txExpr(em -> load(em, find(em, id)));
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        WorkOrder wo = get(id);
        Object[] comeback = jpa.txExpr(em -> {
            WorkOrderEntity e = find(em, id);
            return new Object[] {e.comebackDecidedBy, Stored.instant(e.comebackDecidedAt)};
        });
        return WorkOrderTimeline.of(wo, history(id), clocks(id), qcRecords(id), assignments(id), (String) comeback[0],
                (Instant) comeback[1]);
    }

    @Override
    public ReceptionBrief receptionBrief(long id) {
        WorkOrderEntity wo = jpa.txExpr(em -> find(em, id));
        Vehicle vehicle = vehicles.get(wo.vehicleId);
        ReceptionBriefs.Intervals i = intervals;
        return jpa.txExpr(em -> ReceptionBriefs.brief(em, wo, vehicle, i, clock.zone()));
    }

    // ---------------------------------------------------------------- status

    @Override
    public WorkOrder changeStatus(long id, long expectedVersion, WorkOrderStatus target, WaitReason waitReason,
            String note, Actor actor) {
        boolean workshopMove = target == WorkOrderStatus.IN_REPAIR || target == WorkOrderStatus.WAITING
                || target == WorkOrderStatus.AWAITING_QC;
        Actor.requireAnyRole(actor, workshopMove ? WORKSHOP_MOVERS : EDITORS, "变更工单状态", "change the status of work orders");
        if (target == null) {
            throw DmsException.invalid("status", "required", "请选择目标状态", "the target status is required");
        }
        if (target == WorkOrderStatus.WAITING && waitReason == null) {
            throw DmsException.invalid("waitReason", "required", "请选择等待原因（配件、客户确认或外协）",
                    "choose why the work order waits (PARTS, APPROVAL or SUBLET)");
        }
        if (target != WorkOrderStatus.WAITING && waitReason != null) {
            throw DmsException.invalid("waitReason", "not_waiting", "只有“等待中”需要等待原因",
                    "a wait reason is only given for WAITING");
        }
        String cleanNote = WorkOrderRules.note("note", note, WorkOrderRules.NOTE_MAX);
        Instant now = now();
        WorkOrderStatus[] from = new WorkOrderStatus[1];
        List<QcLevel> qc = qcLevels;
        WorkOrder after = write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            from[0] = e.status;
            if (!WorkOrderRules.allowed(e.status, target)) {
                throw WorkOrderRules.illegalTransition(e.status, target);
            }
            if (target == WorkOrderStatus.COMPLETED && !e.finalQcPassed) {
                throw DmsException.conflict("status", "qc.final_missing", "终检通过后才能完工",
                        "a work order is completed only after its FINAL QC passed");
            }
            if (target == WorkOrderStatus.COMPLETED) {
                Set<QcLevel> passed = passedLevels(e);
                List<QcLevel> missing = qc.stream().filter(l -> !passed.contains(l)).toList();
                if (!missing.isEmpty()) {
                    throw DmsException.conflict("status", "qc.level_missing",
                            "还需通过质检：" + missing.stream().map(QcLevel::name).collect(Collectors.joining("、")),
                            "a work order is completed only after every QC level passed; missing: " + missing);
                }
            }
            List<ClockEntity> running = running(em, id);
            if (!running.isEmpty() && (target == WorkOrderStatus.AWAITING_QC || target == WorkOrderStatus.WAITING)) {
                String who = running.stream().map(c -> c.technician).distinct().collect(Collectors.joining("、"));
                throw DmsException.conflict("status", "clock.running", "技师 " + who + " 仍在计时，请先停止计时",
                        "technician " + who + " is still clocked on; clock off first");
            }
            LocalDateTime at = utc(now);
            if (target == WorkOrderStatus.CANCELLED) {
                for (ClockEntity c : running) {
                    stop(c, at, "cancelled");
                }
            }
            String reason = waitReason == null ? cleanNote : waitReason.name() + (cleanNote == null ? "" : ": " + cleanNote);
            move(em, e, target, at, actor, reason);
            e.waitReason = waitReason;
            if (target == WorkOrderStatus.DELIVERED) {
                e.deliveredAt = at;
            }
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
        WorkOrderEvent event = event(after, from[0], null, actor, now);
        tell(WorkOrderListener::statusChanged, event);
        if (target == WorkOrderStatus.COMPLETED) {
            tell(WorkOrderListener::completed, event);
        } else if (target == WorkOrderStatus.DELIVERED) {
            tell(WorkOrderListener::delivered, event);
        }
        return after;
    }

    @Override
    public List<StatusChange> history(long id) {
        return jpa.txExpr(em -> {
            find(em, id);
            return em.createQuery("SELECT h FROM StatusHistoryEntity h WHERE h.workOrderId = :w ORDER BY h.id",
                    StatusHistoryEntity.class).setParameter("w", id).getResultList().stream()
                    .map(h -> new StatusChange(h.from, h.to, h.username, Stored.instant(h.changedAt), h.reason)).toList();
        });
    }

    // ---------------------------------------------------------------- jobs, lines, approvals

    @Override
    public WorkOrder addJob(long id, long expectedVersion, JobDraft draft, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "添加维修项目", "add jobs");
        WorkOrderRules.Job job = WorkOrderRules.job(draft);
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            Integer max = em.createQuery("SELECT MAX(j.seq) FROM JobEntity j WHERE j.workOrderId = :w", Integer.class)
                    .setParameter("w", id).getSingleResult();
            // found once the car is in the workshop: extra work the customer has to approve before it is done
            boolean addOn = e.status != WorkOrderStatus.AWAITING_DISPATCH;
            em.persist(newJob(e, max == null ? 1 : max + 1, job, addOn));
            touch(e, utc(now), actor);
            em.flush();
            return load(em, e);
        }));
    }

    @Override
    public WorkOrder addLine(long id, long jobId, long expectedVersion, LineDraft draft, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "添加维修明细", "add lines");
        boolean labour = draft != null && draft.type() == LineType.LABOUR;
        // a labour line is completed from the catalogue and the job's pay-type rate once they are read; others checked now
        WorkOrderRules.Line checked = labour ? null : WorkOrderRules.line(draft);
        Map<PayType, BigDecimal> rates = labourRates;
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            WorkOrderRules.Line line = checked != null ? checked : WorkOrderRules.line(fromCatalogue(em, draft, rates.get(job.payType)));
            LineEntity l = new LineEntity();
            l.workOrderId = e.id;
            l.jobId = job.id;
            l.type = line.type();
            l.code = line.code();
            l.description = line.description();
            l.quantity = line.quantity();
            l.unitPrice = line.unitPrice();
            l.discount = line.discount();
            l.net = line.net();
            l.stockItemId = line.stockItemId();
            em.persist(l);
            withdrawApproval(job);
            touch(e, utc(now), actor);
            em.flush();
            return load(em, e);
        }));
    }

    @Override
    public WorkOrder removeLine(long id, long jobId, long lineId, long expectedVersion, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "删除维修明细", "remove lines");
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, lineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("lineId", "项目 " + job.seq + " 中没有明细 " + lineId,
                        "job " + job.seq + " has no line " + lineId);
            }
            long clocks = em.createQuery("SELECT COUNT(c) FROM ClockEntity c WHERE c.lineId = :l", Long.class)
                    .setParameter("l", lineId).getSingleResult();
            if (clocks > 0) {
                throw DmsException.conflict("lineId", "line.clocked",
                        "技师已在这条明细上计时，不能删除（实际工时须保留）",
                        "a technician has clocked on this line: it stays, with its actual hours");
            }
            em.remove(line);
            withdrawApproval(job);
            touch(e, utc(now), actor);
            em.flush();
            return load(em, e);
        }));
    }

    @Override
    public WorkOrder declineJob(long id, long jobId, long expectedVersion, String reason, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "登记客户拒绝", "record declined jobs");
        String why = WorkOrderRules.note("reason", reason, WorkOrderRules.DECLINE_REASON_MAX);
        if (why == null) {
            throw DmsException.invalid("reason", "required", "请写明客户拒绝的原因", "say why the customer declined");
        }
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            long clocks = em.createQuery("SELECT COUNT(c) FROM ClockEntity c WHERE c.jobId = :j", Long.class)
                    .setParameter("j", job.id).getSingleResult();
            if (clocks > 0) {
                throw DmsException.conflict("jobId", "job.clocked", "项目 " + job.seq + " 已有技师计时，不能登记为拒绝",
                        "a technician has clocked on job " + job.seq + ": it cannot be declined");
            }
            LocalDateTime at = utc(now);
            job.declinedAt = at;
            job.declinedBy = actor.username();
            job.declineReason = why;
            withdrawApproval(job);
            // nobody works a declined job: it leaves the technicians' load and the bay
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.jobId = :j").setParameter("j", job.id).executeUpdate();
            job.bay = null;
            job.assignedAt = null;
            job.assignedBy = null;
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
    }

    /**
     * A labour line as the catalogue completes it: its operation must be active; the operation's name and flat-rate
     * hours, and the rate of the job's pay type, fill what the advisor left out. A malformed code is left for the line
     * rules to name.
     */
    private static LineDraft fromCatalogue(EntityManager em, LineDraft draft, BigDecimal rate) {
        String code = WorkOrderRules.catalogueCode(draft.code());
        if (code == null) {
            return new LineDraft(draft.type(), draft.code(), draft.description(), draft.quantity(),
                    draft.unitPrice() == null ? rate : draft.unitPrice(), draft.discount(), draft.stockItemId());
        }
        LabourOperationEntity op = em.find(LabourOperationEntity.class, code);
        if (op == null || op.retiredAt != null) {
            throw WorkOrderRules.unknownOperation(code);
        }
        return new LineDraft(draft.type(), code,
                draft.description() == null || draft.description().isBlank() ? op.name : draft.description(),
                draft.quantity() == null ? op.flatRateHours : draft.quantity(),
                draft.unitPrice() == null ? rate : draft.unitPrice(), draft.discount(), draft.stockItemId());
    }

    // ---------------------------------------------------------------- labour catalogue

    @Override
    public LabourOperation saveLabourOperation(LabourOperationDraft draft, Long expectedVersion, Actor actor) {
        Actor.requireAnyRole(actor, CATALOGUE_KEEPERS, "维护工时目录", "keep the labour catalogue");
        LabourOperationDraft d = WorkOrderRules.labourOperation(draft);
        LocalDateTime at = utc(now());
        return write(() -> jpa.txExpr(em -> {
            LabourOperationEntity op = em.find(LabourOperationEntity.class, d.code(), LockModeType.PESSIMISTIC_WRITE);
            if (expectedVersion == null) {
                if (op != null) {
                    throw DmsException.conflict("code", "labour.exists", "工时代码 " + d.code() + " 已在工时目录中",
                            "operation code " + d.code() + " is already in the labour catalogue");
                }
                op = new LabourOperationEntity();
                op.code = d.code();
                op.version = 0;
                em.persist(op);
            } else if (op == null) {
                throw DmsException.notFound("code", "工时目录中没有代码 " + d.code(),
                        "the labour catalogue has no operation " + d.code());
            } else if (op.version != expectedVersion) {
                throw DmsException.conflict("version", "stale_version",
                        "工时项目 " + d.code() + " 已被他人修改（当前版本 " + op.version + "），请重新读取后再改",
                        "operation " + d.code() + " was changed by someone else (now version " + op.version
                                + "); re-read and try again");
            }
            op.name = d.name();
            op.flatRateHours = d.flatRateHours();
            op.skill = d.skill();
            if (!d.active()) {
                op.retiredAt = op.retiredAt == null ? at : op.retiredAt;
            } else {
                op.retiredAt = null;
            }
            op.updatedAt = at;
            op.updatedBy = actor.username();
            op.version++;
            em.flush();
            return toOperation(op);
        }));
    }

    @Override
    public LabourOperation labourOperation(String code) {
        String c = WorkOrderRules.catalogueCode(code);
        LabourOperationEntity op = c == null ? null : jpa.txExpr(em -> em.find(LabourOperationEntity.class, c));
        if (op == null) {
            throw DmsException.notFound("code", "工时目录中没有代码 " + code, "the labour catalogue has no operation " + code);
        }
        return toOperation(op);
    }

    @Override
    public Page<LabourOperation> labourOperations(String text, boolean activeOnly, PageRequest page) {
        Objects.requireNonNull(page, "page");
        if (text != null && text.length() > SEARCH_MAX) {
            throw DmsException.invalid("q", "too_long", "搜索内容过长", "the text searched for is too long");
        }
        PagedSearch<LabourOperationEntity> search = PagedSearch.of(LabourOperationEntity.class, "o");
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty()) {
            search.where("(o.code LIKE :prefix ESCAPE '\\' OR o.name LIKE :part ESCAPE '\\')", "prefix",
                    Stored.literal(t.toUpperCase(java.util.Locale.ROOT)) + "%").with("part", Stored.containsPattern(t));
        }
        if (activeOnly) {
            search.where("o.retiredAt IS NULL");
        }
        return jpa.txExpr(em -> search.page(em, "o.code", page, JpaWorkOrderService::toOperation));
    }

    private static LabourOperation toOperation(LabourOperationEntity op) {
        return new LabourOperation(op.code, op.name, op.flatRateHours, op.skill, op.retiredAt == null, Stored.instant(op.updatedAt),
                op.updatedBy, op.version);
    }

    /** The customer approved the job as it was: a changed line changes what they pay, so they approve again. */
    private static void withdrawApproval(JobEntity job) {
        job.approvedAt = null;
        job.approvedBy = null;
        job.approvalChannel = null;
        job.approvalRecordedBy = null;
    }

    @Override
    public WorkOrder approve(long id, long jobId, long expectedVersion, ApprovalDraft draft, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "登记客户确认", "record approvals");
        WorkOrderRules.Approval approval = WorkOrderRules.approval(draft);
        Instant now = now();
        WorkOrder after = write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            if (job.approvedAt != null) {
                throw DmsException.conflict("jobId", "job.approved", "项目 " + job.seq + " 已由 " + job.approvedBy + " 确认",
                        "job " + job.seq + " was already approved by " + job.approvedBy);
            }
            LocalDateTime at = utc(now);
            approve(job, approval, at, actor);
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
        tell(WorkOrderListener::jobApproved, event(after, null, jobId, actor, now));
        return after;
    }

    // ---------------------------------------------------------------- dispatch

    @Override
    public List<TechnicianSkill> setSkill(String technician, Skill skill, int level, Actor actor) {
        Actor.requireAnyRole(actor, DISPATCHERS, "维护技师技能", "keep the technician skill table");
        String tech = WorkOrderRules.skill(technician, skill, level);
        return write(() -> jpa.txExpr(em -> {
            List<SkillEntity> rows = em.createQuery("SELECT s FROM SkillEntity s WHERE s.technician = :t AND s.skill = :s",
                    SkillEntity.class).setParameter("t", tech).setParameter("s", skill)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (level == 0) {
                rows.forEach(em::remove);
            } else if (rows.isEmpty()) {
                SkillEntity row = new SkillEntity();
                row.technician = tech;
                row.skill = skill;
                row.level = level;
                em.persist(row);
            } else {
                rows.get(0).level = level;
            }
            em.flush();
            return skills(em);
        }));
    }

    @Override
    public List<TechnicianSkill> skills() {
        return jpa.txExpr(JpaWorkOrderService::skills);
    }

    private static List<TechnicianSkill> skills(EntityManager em) {
        return em.createQuery("SELECT s FROM SkillEntity s ORDER BY s.technician, s.skill", SkillEntity.class)
                .getResultList().stream().map(s -> new TechnicianSkill(s.technician, s.skill, s.level)).toList();
    }

    /** The trade the job's labour operations name in the catalogue, the most hours first; refused if they name none. */
    private static Skill skillOfJob(EntityManager em, long jobId) {
        List<Object[]> rows = em.createQuery("SELECT o.skill, SUM(l.quantity) FROM LineEntity l, LabourOperationEntity o"
                + " WHERE l.jobId = :j AND l.type = :labour AND o.code = l.code AND o.skill IS NOT NULL GROUP BY o.skill",
                Object[].class).setParameter("j", jobId).setParameter("labour", LineType.LABOUR).getResultList();
        return rows.stream().max(java.util.Comparator.comparing((Object[] r) -> new BigDecimal(r[1].toString()))
                .thenComparing(r -> ((Skill) r[0]).name(), java.util.Comparator.reverseOrder()))
                .map(r -> (Skill) r[0]).orElseThrow(() -> DmsException.invalid("skill", "required",
                        "该项目的工时项目未注明工种，请选择工种（机修/电工/钣金/喷漆）",
                        "the job's labour operations name no skill: choose one (MECHANICAL, ELECTRICAL, BODY or PAINT)"));
    }

    @Override
    public WorkOrder assign(long id, long jobId, long expectedVersion, List<String> technicians, String bay, Actor actor) {
        Actor.requireAnyRole(actor, DISPATCHERS, "派工", "dispatch jobs");
        WorkOrderRules.Dispatch dispatch = WorkOrderRules.dispatch(technicians, bay);
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.jobId = :j").setParameter("j", jobId).executeUpdate();
            int position = 0;
            for (String tech : dispatch.technicians()) {
                AssignmentEntity a = new AssignmentEntity();
                a.workOrderId = e.id;
                a.jobId = jobId;
                a.position = position++;
                a.technician = tech;
                em.persist(a);
            }
            LocalDateTime at = utc(now);
            job.bay = dispatch.bay();
            job.assignedAt = at;
            job.assignedBy = actor.username();
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
    }

    @Override
    public List<Assignment> assignments(long id) {
        return jpa.txExpr(em -> {
            find(em, id);
            Map<Long, List<String>> byJob = new java.util.LinkedHashMap<>();
            em.createQuery("SELECT a FROM AssignmentEntity a WHERE a.workOrderId = :w ORDER BY a.jobId, a.position",
                    AssignmentEntity.class).setParameter("w", id).getResultList()
                    .forEach(a -> byJob.computeIfAbsent(a.jobId, j -> new ArrayList<>()).add(a.technician));
            List<Assignment> out = new ArrayList<>();
            byJob.forEach((jobId, techs) -> {
                JobEntity job = em.find(JobEntity.class, jobId);
                out.add(new Assignment(jobId, techs, job.bay, Stored.instant(job.assignedAt), job.assignedBy));
            });
            return out;
        });
    }

    /**
     * Ranks those with the skill: level first (the job is done right), then load (it is done soon), then username so
     * the order is stable. The load is the sold hours of labour lines on jobs assigned to them in open work orders.
     */
    @Override
    public List<TechnicianSuggestion> suggestTechnicians(long id, long jobId, Skill asked) {
        return jpa.txExpr(em -> {
            job(em, find(em, id), jobId);
            Skill skill = asked != null ? asked : skillOfJob(em, jobId);
            List<SkillEntity> skilled = em.createQuery("SELECT s FROM SkillEntity s WHERE s.skill = :s AND s.level > 0",
                    SkillEntity.class).setParameter("s", skill).getResultList();
            if (skilled.isEmpty()) {
                return List.<TechnicianSuggestion>of();
            }
            Map<String, BigDecimal> load = new HashMap<>();
            List<Object[]> rows = em.createQuery("SELECT a.technician, SUM(l.quantity) FROM AssignmentEntity a, LineEntity l,"
                    + " WorkOrderEntity w WHERE l.jobId = a.jobId AND w.id = a.workOrderId AND l.type = :labour"
                    + " AND w.status NOT IN :closed AND a.technician IN :techs GROUP BY a.technician", Object[].class)
                    .setParameter("labour", LineType.LABOUR).setParameter("closed", List.copyOf(CLOSED))
                    .setParameter("techs", skilled.stream().map(s -> s.technician).toList()).getResultList();
            for (Object[] row : rows) {
                load.put((String) row[0], new BigDecimal(row[1].toString()).setScale(2, RoundingMode.HALF_UP));
            }
            BigDecimal none = new BigDecimal("0.00");
            return skilled.stream().map(s -> {
                BigDecimal hours = load.getOrDefault(s.technician, none);
                return new TechnicianSuggestion(s.technician, s.level, hours,
                        skill.zh() + " " + s.level + " 级；在修 " + hours.toPlainString() + " 工时",
                        skill + " level " + s.level + "; " + hours.toPlainString() + " sold hours open");
            }).sorted(java.util.Comparator.comparingInt(TechnicianSuggestion::level).reversed()
                    .thenComparing(TechnicianSuggestion::openSoldHours)
                    .thenComparing(TechnicianSuggestion::technician)).toList();
        });
    }

    // ---------------------------------------------------------------- clocks

    @Override
    public ClockEntry clockOn(long id, long jobId, long labourLineId, String technician, Actor actor) {
        String tech = clocking(technician, actor);
        synchronized (technicianLocks[Math.floorMod(tech.hashCode(), technicianLocks.length)]) {
            return clockOn(id, jobId, labourLineId, tech, now(), actor);
        }
    }

    private ClockEntry clockOn(long id, long jobId, long labourLineId, String tech, Instant now, Actor actor) {
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lockAnyVersion(em, id);
            if (e.status != WorkOrderStatus.IN_REPAIR) {
                throw DmsException.conflict("status", "clock.status", "工单“" + e.status.zh() + "”，只有维修中的工单可以开工计时",
                        "the work order is " + e.status + "; technicians clock on only while it is IN_REPAIR");
            }
            JobEntity job = liveJob(em, e, jobId);
            LineEntity line = em.find(LineEntity.class, labourLineId);
            if (line == null || line.jobId != job.id) {
                throw DmsException.notFound("labourLineId", "项目 " + job.seq + " 中没有明细 " + labourLineId,
                        "job " + job.seq + " has no line " + labourLineId);
            }
            if (line.type != LineType.LABOUR) {
                throw DmsException.invalid("labourLineId", "not_labour", "只能在工时明细上计时", "technicians clock on labour lines only");
            }
            if (job.approvedAt == null) {
                throw DmsException.conflict("jobId", "job.unapproved", "项目 " + job.seq + "（" + job.concern + "）尚未经客户确认，不能开工",
                        "job " + job.seq + " (" + job.concern + ") is not approved by the customer yet; no clocking on it");
            }
            List<ClockEntity> mine = em.createQuery("SELECT c FROM ClockEntity c WHERE c.runningTechnician = :t",
                    ClockEntity.class).setParameter("t", tech).getResultList();
            if (!mine.isEmpty()) {
                throw runningElsewhere(em, tech, mine.get(0));
            }
            ClockEntity c = new ClockEntity();
            c.workOrderId = e.id;
            c.jobId = job.id;
            c.lineId = line.id;
            c.technician = tech;
            c.runningTechnician = tech;
            c.startedAt = utc(now);
            em.persist(c);
            touch(e, utc(now), actor);
            em.flush();
            return toClock(c);
        }));
    }

    @Override
    public ClockEntry clockOff(long id, String technician, String pauseReason, Actor actor) {
        String tech = clocking(technician, actor);
        String reason = WorkOrderRules.note("pauseReason", pauseReason, WorkOrderRules.PAUSE_REASON_MAX);
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lockAnyVersion(em, id);
            List<ClockEntity> mine = em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w"
                    + " AND c.runningTechnician = :t", ClockEntity.class).setParameter("w", id).setParameter("t", tech)
                    .getResultList();
            if (mine.isEmpty()) {
                throw DmsException.conflict("technician", "clock.not_running", "技师 " + tech + " 没有在工单 " + e.number + " 上计时",
                        "technician " + tech + " is not clocked on work order " + e.number);
            }
            ClockEntity c = mine.get(0);
            LocalDateTime at = utc(now);
            stop(c, at, reason);
            touch(e, at, actor);
            em.flush();
            return toClock(c);
        }));
    }

    @Override
    public List<ClockEntry> clocks(long id) {
        return jpa.txExpr(em -> {
            find(em, id);
            return em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w ORDER BY c.id", ClockEntity.class)
                    .setParameter("w", id).getResultList().stream().map(JpaWorkOrderService::toClock).toList();
        });
    }

    /** Who may clock whom: a technician only himself or herself, a manager or admin anyone. */
    private static String clocking(String technician, Actor actor) {
        Actor.requireAnyRole(actor, CLOCKERS, "登记技师计时", "clock technicians on or off");
        String tech = WorkOrderRules.technician(technician);
        if (!actor.hasAnyRole("admin", "manager") && !tech.equals(actor.username())) {
            throw DmsException.forbidden("技师只能为自己计时", "a technician clocks on and off only for himself or herself");
        }
        return tech;
    }

    private static DmsException runningElsewhere(EntityManager em, String tech, ClockEntity running) {
        WorkOrderEntity where = running == null ? null : em.find(WorkOrderEntity.class, running.workOrderId);
        String number = where == null ? "" : "（工单 " + where.number + "）";
        String numberEn = where == null ? "" : " (work order " + where.number + ")";
        return DmsException.conflict("technician", "clock.running", "技师 " + tech + " 正在另一项目上计时" + number + "，请先停止",
                "technician " + tech + " is already clocked on" + numberEn + "; clock off first");
    }

    private static void stop(ClockEntity c, LocalDateTime at, String reason) {
        c.endedAt = at;
        c.runningTechnician = null;
        c.pauseReason = reason;
    }

    // ---------------------------------------------------------------- QC and comebacks

    @Override
    public WorkOrder qc(long id, long expectedVersion, QcLevel level, boolean passed, String note, Actor actor) {
        if (level == null) {
            throw DmsException.invalid("level", "required", "请选择质检级别", "the QC level is required");
        }
        if (level == QcLevel.SELF) {
            Actor.requireAnyRole(actor, SELF_QC, "登记自检", "record self checks");
        } else if (level == QcLevel.FOREMAN) {
            Actor.requireAnyRole(actor, FOREMAN_QC, "登记班组检", "record foreman checks");
        } else {
            Actor.requireAnyRole(actor, FINAL_QC, "登记终检", "record final checks");
        }
        String cleanNote = WorkOrderRules.note("note", note, WorkOrderRules.NOTE_MAX);
        if (!passed && cleanNote == null) {
            throw DmsException.invalid("note", "required", "质检不通过时请写明原因", "say why the check failed");
        }
        Instant now = now();
        boolean[] reworked = new boolean[1];
        WorkOrder after = write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            if (e.status != WorkOrderStatus.AWAITING_QC) {
                throw DmsException.conflict("status", "qc.status", "工单“" + e.status.zh() + "”，只有待质检的工单可以质检",
                        "the work order is " + e.status + "; only a work order AWAITING_QC is checked");
            }
            LocalDateTime at = utc(now);
            QcEntity q = new QcEntity();
            q.workOrderId = e.id;
            q.level = level;
            q.passed = passed;
            q.note = cleanNote;
            q.username = actor.username();
            q.checkedAt = at;
            em.persist(q);
            if (passed) {
                if (level == QcLevel.FINAL) {
                    e.finalQcPassed = true;
                }
                Set<QcLevel> levels = passedLevels(e);
                levels.add(level);
                e.qcPassed = levels.stream().map(QcLevel::name).sorted().collect(Collectors.joining(","));
            } else {
                e.reworkCount++;
                move(em, e, WorkOrderStatus.IN_REPAIR, at, actor, "QC " + level + " failed / 质检不合格（返工）: " + cleanNote);
                reworked[0] = true;
            }
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
        if (reworked[0]) {
            tell(WorkOrderListener::statusChanged,
                    event(after, WorkOrderStatus.AWAITING_QC, null, actor, now));
        }
        return after;
    }

    @Override
    public List<QcRecord> qcRecords(long id) {
        return jpa.txExpr(em -> {
            find(em, id);
            return em.createQuery("SELECT q FROM QcEntity q WHERE q.workOrderId = :w ORDER BY q.id", QcEntity.class)
                    .setParameter("w", id).getResultList().stream()
                    .map(q -> new QcRecord(q.level, q.passed, q.note, q.username, Stored.instant(q.checkedAt))).toList();
        });
    }

    @Override
    public WorkOrder confirmComeback(long id, long expectedVersion, Actor actor) {
        return decideComeback(id, expectedVersion, ComebackDecision.CONFIRMED, actor);
    }

    @Override
    public WorkOrder rejectComeback(long id, long expectedVersion, Actor actor) {
        return decideComeback(id, expectedVersion, ComebackDecision.REJECTED, actor);
    }

    private WorkOrder decideComeback(long id, long expectedVersion, ComebackDecision decision, Actor actor) {
        Actor.requireAnyRole(actor, EDITORS, "判定返修", "decide on comebacks");
        Instant now = now();
        return write(() -> jpa.txExpr(em -> {
            WorkOrderEntity e = lock(em, id, expectedVersion);
            if (e.comebackDecision == null) {
                throw DmsException.conflict("comeback", "comeback.none", "该工单没有待判定的返修关联",
                        "this work order has no proposed comeback link");
            }
            if (e.comebackDecision != ComebackDecision.PROPOSED) {
                throw DmsException.conflict("comeback", "comeback.decided",
                        "返修关联已由 " + e.comebackDecidedBy + " 判定为" + (e.comebackDecision == ComebackDecision.CONFIRMED ? "返修" : "非返修"),
                        "the comeback link was already " + e.comebackDecision.name().toLowerCase(Locale.ROOT) + " by "
                                + e.comebackDecidedBy);
            }
            LocalDateTime at = utc(now);
            e.comebackDecision = decision;
            e.comebackDecidedBy = actor.username();
            e.comebackDecidedAt = at;
            touch(e, at, actor);
            em.flush();
            return load(em, e);
        }));
    }

    // ---------------------------------------------------------------- search

    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        WorkOrderQuery q = query == null ? WorkOrderQuery.all() : query;
        PagedSearch<WorkOrderEntity> search = PagedSearch.of(WorkOrderEntity.class, "w");
        if (q.plate() != null && q.plate().length() > SEARCH_MAX) {
            throw DmsException.invalid("plate", "too_long", "车牌搜索内容过长", "the plate searched for is too long");
        }
        String plate = q.plate() == null ? "" : Plate.normaliseFragment(q.plate());
        if (!plate.isEmpty()) {
            search.where("w.plate LIKE :plate ESCAPE '\\'", "plate", Stored.containsPattern(plate));
        }
        if (q.status() != null) {
            search.where("w.status = :status", "status", q.status());
        }
        if (q.advisor() != null && !q.advisor().isBlank()) {
            search.where("w.advisor = :advisor", "advisor", q.advisor().strip());
        }
        if (q.technician() != null && !q.technician().isBlank()) {
            search.where("EXISTS (SELECT c.id FROM ClockEntity c WHERE c.workOrderId = w.id AND c.technician = :tech)",
                    "tech", q.technician().strip());
        }
        if (q.from() != null) {
            search.where("w.openedAt >= :from", "from", startOf(q.from()));
        }
        if (q.to() != null) {
            search.where("w.openedAt < :to", "to", startOf(q.to().plusDays(1)));
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw DmsException.invalid("to", "before_from", "结束日期不能早于开始日期", "to must not be before from");
        }
        return jpa.txExpr(em -> {
            Page<WorkOrderEntity> found = search.page(em, "w.id DESC", page, w -> w);
            return new Page<>(loadAll(em, found.items()), found.page(), found.size(), found.total());
        });
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private LocalDateTime startOf(LocalDate day) {
        return utc(day.atStartOfDay(clock.zone()).toInstant());
    }

    private static JobEntity newJob(WorkOrderEntity e, int seq, WorkOrderRules.Job job, boolean addOn) {
        JobEntity j = new JobEntity();
        j.workOrderId = e.id;
        j.seq = seq;
        j.concern = job.concern();
        j.payType = job.payType();
        j.addOn = addOn;
        return j;
    }

    private static void approve(JobEntity j, WorkOrderRules.Approval a, LocalDateTime at, Actor actor) {
        j.approvedBy = a.approvedBy();
        j.approvalChannel = a.channel();
        j.approvedAt = at;
        j.approvalRecordedBy = actor.username();
    }

    private static void move(EntityManager em, WorkOrderEntity e, WorkOrderStatus to, LocalDateTime at, Actor actor,
            String reason) {
        history(em, e, e.status, to, at, actor, reason);
        e.status = to;
        e.waitReason = null;
        if (to == WorkOrderStatus.IN_REPAIR) {
            e.finalQcPassed = false; // repaired again: checked again
            e.qcPassed = null;
        }
    }

    private static void history(EntityManager em, WorkOrderEntity e, WorkOrderStatus from, WorkOrderStatus to,
            LocalDateTime at, Actor actor, String reason) {
        StatusHistoryEntity h = new StatusHistoryEntity();
        h.workOrderId = e.id;
        h.from = from;
        h.to = to;
        h.username = actor.username();
        h.changedAt = at;
        h.reason = reason == null || reason.length() <= 600 ? reason : reason.substring(0, 600);
        em.persist(h);
    }

    private static void touch(WorkOrderEntity e, LocalDateTime at, Actor actor) {
        e.version++;
        e.updatedAt = at;
        e.updatedBy = actor.username();
    }

    private static Set<QcLevel> passedLevels(WorkOrderEntity e) {
        Set<QcLevel> passed = EnumSet.noneOf(QcLevel.class);
        if (e.qcPassed != null && !e.qcPassed.isBlank()) {
            Arrays.stream(e.qcPassed.split(",")).map(QcLevel::valueOf).forEach(passed::add);
        }
        return passed;
    }

    private static void refuseClosed(WorkOrderEntity e) {
        if (CLOSED.contains(e.status)) {
            throw DmsException.conflict("status", "status.closed", "工单“" + e.status.zh() + "”，不能再修改项目",
                    "the work order is " + e.status + "; its jobs can no longer change");
        }
    }

    private static List<ClockEntity> running(EntityManager em, long id) {
        return em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId = :w AND c.runningTechnician IS NOT NULL",
                ClockEntity.class).setParameter("w", id).getResultList();
    }

    /** The work order's row, locked, at the version the user read. */
    private static WorkOrderEntity lock(EntityManager em, long id, long expectedVersion) {
        WorkOrderEntity e = lockAnyVersion(em, id);
        if (e.version != expectedVersion) {
            throw DmsException.conflict("version", "stale_version",
                    "工单 " + e.number + " 已被他人修改（当前版本 " + e.version + "，您修改的是版本 " + expectedVersion + "），请重新读取后再改",
                    "work order " + e.number + " was changed by someone else (now version " + e.version + ", you edited version "
                            + expectedVersion + "); re-read and try again");
        }
        return e;
    }

    private static WorkOrderEntity lockAnyVersion(EntityManager em, long id) {
        WorkOrderEntity e = em.find(WorkOrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    private static WorkOrderEntity find(EntityManager em, long id) {
        WorkOrderEntity e = em.find(WorkOrderEntity.class, id);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    private static JobEntity job(EntityManager em, WorkOrderEntity e, long jobId) {
        JobEntity job = em.find(JobEntity.class, jobId);
        if (job == null || job.workOrderId != e.id) {
            throw DmsException.notFound("jobId", "工单 " + e.number + " 中没有项目 " + jobId,
                    "work order " + e.number + " has no job " + jobId);
        }
        return job;
    }

    /** A job that may still change: not declined by the customer. */
    private static JobEntity liveJob(EntityManager em, WorkOrderEntity e, long jobId) {
        JobEntity job = job(em, e, jobId);
        if (job.declinedAt != null) {
            throw DmsException.conflict("jobId", "job.declined",
                    "项目 " + job.seq + "（" + job.concern + "）客户已拒绝（" + job.declineReason + "），不能再改动",
                    "the customer declined job " + job.seq + " (" + job.declineReason + "): it no longer changes");
        }
        return job;
    }

    private static DmsException notFound(long id) {
        return DmsException.notFound("id", "工单 " + id + " 不存在", "work order " + id + " does not exist");
    }

    /** Attempts of a transaction the database chose as a deadlock victim. */
    static final int DEADLOCK_ATTEMPTS = 3;

    /**
     * Runs a transaction. One the database broke off to resolve a deadlock is run again (up to
     * {@value #DEADLOCK_ATTEMPTS} times), as it changed nothing; a clash caught only by the unique constraint on running
     * clocks (two clocks of one technician written by two Karaf instances at once) reads as the clash it is.
     */
    private static <T> T write(java.util.function.Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            } catch (PersistenceException e) {
                if (Failures.isUniqueViolation(e) && messages(e).contains("uq_wo_clock_running")) {
                    throw DmsException.conflict("technician", "clock.running", "该技师正在另一项目上计时，请先停止",
                            "the technician is already clocked on; clock off first");
                }
                if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("Deadlock victim, attempt {} of {}: {}", attempt, DEADLOCK_ATTEMPTS, e.toString());
            }
        }
    }

    /** SQLState 40001 (Derby's deadlock, serialization failures) or 40P01 (PostgreSQL's deadlock). */
    static boolean isDeadlock(Throwable failure) {
        return hasState(failure, "40001") || hasState(failure, "40P01");
    }

    static boolean hasState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException x = sql; x != null; x = x.getNextException()) {
                    if (sqlState.equals(x.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = failure; t != null && s.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            s.append(t.getMessage()).append('\n');
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                s.append(sql.getNextException().getMessage()).append('\n');
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    private static WorkOrder load(EntityManager em, WorkOrderEntity e) {
        return loadAll(em, List.of(e)).get(0);
    }

    /** The work orders with their jobs, lines and clocked hours, in three queries whatever their number. */
    private static List<WorkOrder> loadAll(EntityManager em, List<WorkOrderEntity> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<Long> ids = orders.stream().map(o -> o.id).toList();
        List<JobEntity> jobs = em.createQuery("SELECT j FROM JobEntity j WHERE j.workOrderId IN :ids ORDER BY j.seq",
                JobEntity.class).setParameter("ids", ids).getResultList();
        List<LineEntity> lines = em.createQuery("SELECT l FROM LineEntity l WHERE l.workOrderId IN :ids ORDER BY l.id",
                LineEntity.class).setParameter("ids", ids).getResultList();
        List<ClockEntity> clocks = em.createQuery("SELECT c FROM ClockEntity c WHERE c.workOrderId IN :ids"
                + " AND c.endedAt IS NOT NULL", ClockEntity.class).setParameter("ids", ids).getResultList();
        Map<Long, Long> secondsByLine = new HashMap<>();
        for (ClockEntity c : clocks) {
            secondsByLine.merge(c.lineId, Duration.between(c.startedAt, c.endedAt).getSeconds(), Long::sum);
        }
        Map<Long, List<Line>> linesByJob = new HashMap<>();
        for (LineEntity l : lines) {
            BigDecimal actual = l.type != LineType.LABOUR ? null
                    : BigDecimal.valueOf(secondsByLine.getOrDefault(l.id, 0L)).divide(BigDecimal.valueOf(3600), 2,
                            RoundingMode.HALF_UP);
            linesByJob.computeIfAbsent(l.jobId, k -> new ArrayList<>()).add(new Line(l.id, l.jobId, l.type, l.code,
                    l.description, l.quantity, l.unitPrice, l.discount, l.net, l.stockItemId, actual));
        }
        Map<Long, WorkOrderEntity> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id, o));
        Map<Long, List<Job>> jobsByOrder = new HashMap<>();
        for (JobEntity j : jobs) {
            List<Line> ls = linesByJob.getOrDefault(j.id, List.of());
            Approval approval = j.approvedAt == null ? null
                    : new Approval(j.approvedBy, j.approvalChannel, Stored.instant(j.approvedAt), j.approvalRecordedBy);
            Totals totals = Totals.of(ls.stream().map(Line::net).toList(), byId.get(j.workOrderId).vatRate);
            Decline decline = j.declinedAt == null ? null
                    : new Decline(j.declineReason, Stored.instant(j.declinedAt), j.declinedBy);
            jobsByOrder.computeIfAbsent(j.workOrderId, k -> new ArrayList<>())
                    .add(new Job(j.id, j.seq, j.concern, j.payType, j.addOn, approval, decline, ls, totals));
        }
        List<WorkOrder> result = new ArrayList<>();
        for (WorkOrderEntity e : orders) {
            List<Job> js = jobsByOrder.getOrDefault(e.id, List.of());
            // the work order's VAT is computed once on its whole net, see Totals
            Totals totals = Totals.of(js.stream().filter(j -> !j.declined()).flatMap(j -> j.lines().stream())
                    .map(Line::net).toList(), e.vatRate);
            Set<VisitType> types = e.visitTypes.isEmpty() ? Set.of()
                    : Arrays.stream(e.visitTypes.split(",")).map(VisitType::valueOf).collect(Collectors.toSet());
            result.add(new WorkOrder(e.id, e.number, e.vehicleId, e.plate, e.customerId, e.status, e.waitReason, types,
                    e.mileageInKm, e.fuelPercent, e.walkAround, e.advisor, Stored.instant(e.promisedAt),
                    Stored.instant(e.deliveredAt), e.vatRate, js, totals, e.reworkCount, e.finalQcPassed, e.comebackOfId,
                    e.comebackOfNumber, e.comebackDecision, Stored.instant(e.openedAt), e.openedBy,
                    Stored.instant(e.updatedAt), e.updatedBy, e.version));
        }
        return result;
    }

    private static ClockEntry toClock(ClockEntity c) {
        return new ClockEntry(c.id, c.workOrderId, c.jobId, c.lineId, c.technician, Stored.instant(c.startedAt),
                Stored.instant(c.endedAt), c.pauseReason);
    }

    private static WorkOrderEvent event(WorkOrder wo, WorkOrderStatus from, Long jobId, Actor actor, Instant at) {
        return new WorkOrderEvent(wo.id(), wo.number(), wo.vehicleId(), wo.plate(), wo.customerId(), wo.status().name(),
                from == null ? null : from.name(), jobId, actor.username(), at);
    }

    /** After commit: a listener that fails is logged and does not undo the change or stop the others. */
    private void tell(BiConsumer<WorkOrderListener, WorkOrderEvent> method, WorkOrderEvent event) {
        for (WorkOrderListener listener : listeners) {
            try {
                method.accept(listener, event);
            } catch (RuntimeException e) {
                LOG.warn("Work-order listener {} failed on work order {}: {}", listener.getClass().getName(),
                        event.number(), e.toString(), e);
            }
        }
    }
}
