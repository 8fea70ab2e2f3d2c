package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.component.LateServices;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.workorder.api.CompletionRule;
import org.opendms.workorder.api.DeliveryRule;
import org.opendms.workorder.api.ListPrices;
import org.opendms.workorder.api.PartNumbers;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.ComponentServiceObjects;
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
 * What every work-order service shares: the database (starts only once the wo_* tables are migrated), the shop's clock,
 * the configuration, transactions run again after a deadlock, and the listeners told after commit. Internal to this
 * bundle; the services of the API use it rather than each keeping its own copy.
 */
@Component(service = WorkOrderStore.class, configurationPid = WorkOrderConfig.PID)
@Designate(ocd = WorkOrderConfig.class)
public class WorkOrderStore {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderStore.class);

    /** Default VAT rate for general taxpayers (configurable). */
    static final String DEFAULT_VAT_RATE = "0.13";
    /** Default comeback window: a delivery this many days ago or less… */
    static final int DEFAULT_COMEBACK_DAYS = 30;
    /** …or this many km ago or less proposes a comeback link. */
    static final int DEFAULT_COMEBACK_KM = 3000;
    static final String DEFAULT_QC_LEVELS = "SELF,FOREMAN,FINAL";
    static final String DEFAULT_LABOUR_RATES = "CUSTOMER=100,WARRANTY=100,INSURANCE=100,INTERNAL=100";

    /** The configurable numbers, fixed together. */
    record Settings(BigDecimal vatRate, int comebackDays, int comebackKm) {
        static final Settings DEFAULTS = new Settings(new BigDecimal(DEFAULT_VAT_RATE).setScale(4),
                DEFAULT_COMEBACK_DAYS,
                DEFAULT_COMEBACK_KM);
    }

    @Reference(target = "(osgi.unit.name=dms-workorder)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.workorder.impl)")
    SchemaReady schema;

    /** The shop's day decides the work-order number; its clock stamps every event. */
    @Reference
    ShopClock clock;

    /** Who may do what: every work-order service checks its actor against the platform's table. */
    @Reference
    Permissions permissions;

    volatile List<WorkOrderListener> listeners = List.of();
    private final LateServices<WorkOrderListener> boundListeners = new LateServices<>();

    @Reference(service = WorkOrderListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<WorkOrderListener> objects) {
        listeners = boundListeners.bind(objects);
    }

    void unbindListener(ComponentServiceObjects<WorkOrderListener> objects) {
        listeners = boundListeners.unbind(objects);
    }

    /**
     * Who changed which field of a work order, the catalogue or the skill table, written in the change's transaction.
     */
    @Reference
    AuditTrail audit;

    volatile Settings settings = Settings.DEFAULTS;

    volatile ReceptionBriefs.Intervals intervals = ReceptionBriefs.Intervals.DEFAULTS;

    /** The QC levels a work order passes before COMPLETED; FINAL always among them. */
    volatile List<QcLevel> qcLevels = WorkOrderRules.qcLevels(DEFAULT_QC_LEVELS);

    /** Rate per hour for a labour line given without one, by the job's pay type. */
    volatile Map<PayType, BigDecimal> labourRates = WorkOrderRules.labourRates(DEFAULT_LABOUR_RATES);

    /** The discount each role gives without the service manager (price authority, see PriceGate). */
    volatile PriceRules.Limits discountLimits = PriceRules.Limits.DEFAULTS;

    /** Price lists that give a line its list price (parts, plugins); labour falls back to the labour rates. */
    volatile List<ListPrices> listPrices = List.of();
    private final LateServices<ListPrices> boundListPriceLists = new LateServices<>();

    @Reference(service = ListPrices.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindListPriceList")
    void bindListPriceList(ComponentServiceObjects<ListPrices> objects) {
        listPrices = boundListPriceLists.bind(objects);
    }

    void unbindListPriceList(ComponentServiceObjects<ListPrices> objects) {
        listPrices = boundListPriceLists.unbind(objects);
    }

    /** Part catalogues a part line's number is checked against (the parts module); none: any number, as before. */
    volatile List<PartNumbers> partNumbers = List.of();
    private final LateServices<PartNumbers> boundPartCatalogues = new LateServices<>();

    @Reference(service = PartNumbers.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPartCatalogue")
    void bindPartCatalogue(ComponentServiceObjects<PartNumbers> objects) {
        partNumbers = boundPartCatalogues.bind(objects);
    }

    void unbindPartCatalogue(ComponentServiceObjects<PartNumbers> objects) {
        partNumbers = boundPartCatalogues.unbind(objects);
    }

    /** Rules a work order passes before COMPLETED besides QC (the parts module: approved part lines issued). */
    volatile List<CompletionRule> completionRules = List.of();
    private final LateServices<CompletionRule> boundCompletionRules = new LateServices<>();

    @Reference(service = CompletionRule.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindCompletionRule")
    void bindCompletionRule(ComponentServiceObjects<CompletionRule> objects) {
        completionRules = boundCompletionRules.bind(objects);
    }

    void unbindCompletionRule(ComponentServiceObjects<CompletionRule> objects) {
        completionRules = boundCompletionRules.unbind(objects);
    }

    /** Rules a work order passes before DELIVERED (the settlement module: the customer's bill paid or on account). */
    volatile List<DeliveryRule> deliveryRules = List.of();
    private final LateServices<DeliveryRule> boundDeliveryRules = new LateServices<>();

    @Reference(service = DeliveryRule.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDeliveryRule")
    void bindDeliveryRule(ComponentServiceObjects<DeliveryRule> objects) {
        deliveryRules = boundDeliveryRules.bind(objects);
    }

    void unbindDeliveryRule(ComponentServiceObjects<DeliveryRule> objects) {
        deliveryRules = boundDeliveryRules.unbind(objects);
    }

    public WorkOrderStore() {
    }

    /** Outside OSGi (tests, tools): the database, clock and settings given instead of services and a configuration. */
    WorkOrderStore(JpaTemplate jpa, ShopClock clock, BigDecimal vatRate, int comebackDays, int comebackKm) {
        this.jpa = jpa;
        this.clock = clock;
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
            LOG.error("labourRates '{}' in {} is not a list like CUSTOMER=120,WARRANTY=100; using {}",
                    config.labourRates(),
                    WorkOrderConfig.PID, DEFAULT_LABOUR_RATES);
            rates = WorkOrderRules.labourRates(DEFAULT_LABOUR_RATES);
        }
        labourRates = rates;
        List<QcLevel> levels = WorkOrderRules.qcLevels(config.qcLevels());
        if (levels == null) {
            LOG.error("qcLevels '{}' in {} is not a list of SELF, FOREMAN, FINAL holding FINAL; using {}",
                    config.qcLevels(),
                    WorkOrderConfig.PID, DEFAULT_QC_LEVELS);
            levels = WorkOrderRules.qcLevels(DEFAULT_QC_LEVELS);
        }
        qcLevels = levels;
        PriceRules.Limits limits = PriceRules.Limits.parse(config.discountLimits());
        if (limits == null) {
            LOG.error("discountLimits '{}' in {} is not a list like advisor=10,manager=unlimited; using {}",
                    config.discountLimits(), WorkOrderConfig.PID, PriceRules.DEFAULT_LIMITS);
            limits = PriceRules.Limits.DEFAULTS;
        }
        discountLimits = limits;
    }

    // ---------------------------------------------------------------- time

    /** The shop's clock, to the microsecond the database keeps. */
    Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    static LocalDateTime utc(Instant i) {
        return Stored.utc(i);
    }

    LocalDateTime startOf(LocalDate day) {
        return utc(day.atStartOfDay(clock.zone()).toInstant());
    }

    // ---------------------------------------------------------------- transactions

    /** A read, or a change that cannot deadlock, in one transaction. */
    <T> T read(Function<EntityManager, T> work) {
        return jpa.txExpr(work::apply);
    }

    /** A change in one transaction, run again if the database chose it as a deadlock victim (see {@link #write}). */
    <T> T change(Function<EntityManager, T> work) {
        return write(() -> jpa.txExpr(work::apply));
    }

    /**
     * A change of one work order at the version the user read (CONFLICT {@code stale_version} otherwise, nothing
     * written), in one transaction run again after a deadlock; the work order is then stamped with who and when, one
     * version on, and read back.
     */
    WorkOrder changeWorkOrder(long id, long expectedVersion, Instant now, Actor actor,
            BiConsumer<EntityManager, WorkOrderEntity> change) {
        WorkOrder changed = change(em -> {
            WorkOrderEntity e = WorkOrderRows.lock(em, id, expectedVersion);
            WorkOrder before = WorkOrderRecords.load(em, e, now);
            change.accept(em, e);
            WorkOrderRows.touch(e, utc(now), actor);
            em.flush();
            WorkOrder after = WorkOrderRecords.load(em, e, now);
            audit.record(em, actor, "work-order", id, before, after);
            return after;
        });
        tell(WorkOrderListener::changed, changed, null, null, actor, now);
        return changed;
    }

    /**
     * A fact another module committed, recorded on a work order (a part issued to a line, a part step in the timeline):
     * the row is locked whatever its version and the version stays, since nothing a user edits changed (the advisor's
     * form read before stays valid); audited, and told to the listeners' {@link WorkOrderListener#changed}.
     */
    WorkOrder recordOnWorkOrder(long id, Instant now, Actor actor, BiConsumer<EntityManager, WorkOrderEntity> change) {
        WorkOrder changed = change(em -> {
            WorkOrderEntity e = WorkOrderRows.lockAnyVersion(em, id);
            WorkOrder before = WorkOrderRecords.load(em, e, now);
            change.accept(em, e);
            em.flush();
            WorkOrder after = WorkOrderRecords.load(em, e, now);
            audit.record(em, actor, "work-order", id, before, after);
            return after;
        });
        tell(WorkOrderListener::changed, changed, null, null, actor, now);
        return changed;
    }

    /**
     * Runs a transaction through the platform's {@link DeadlockRetry} (a deadlock victim is run again, as it changed
     * nothing); a clash caught only by the unique constraint on running clocks (two clocks of one technician written by
     * two Karaf instances at once) reads as the clash it is.
     */
    static <T> T write(Supplier<T> change) {
        try {
            return DeadlockRetry.write(change);
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_wo_clock_running")) {
                throw DmsException.conflict("technician", "clock.running", "该技师正在另一项目上计时，请先停止",
                        "the technician is already clocked on; clock off first");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * After commit: tells every listener; a listener that fails is logged and does not undo the change or stop the
     * others.
     */
    void tell(BiConsumer<WorkOrderListener, WorkOrderEvent> method, WorkOrder wo, WorkOrderStatus from, Long jobId,
            Actor actor, Instant at) {
        WorkOrderEvent event = new WorkOrderEvent(wo.id(), wo.number(), wo.vehicleId(), wo.plate(), wo.customerId(),
                wo.status().name(), from == null ? null : from.name(), jobId, actor.username(), at);
        AfterCommit.tell(listeners, method, event, "work order " + event.number());
    }

    /**
     * After commit of a change that did not read the whole work order back (a clock, a price decision): tells the
     * listeners' {@link WorkOrderListener#changed} with the work order as it is now.
     */
    void changed(long workOrderId, Actor actor, Instant at) {
        if (listeners.isEmpty()) {
            return;
        }
        WorkOrder now = read(em -> WorkOrderRecords.load(em, em.find(WorkOrderEntity.class, workOrderId), at));
        tell(WorkOrderListener::changed, now, null, null, actor, at);
    }
}
