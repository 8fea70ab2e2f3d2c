package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.component.LateServices;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUps;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.CreditReceipt;
import org.opendms.settlement.api.CreditStatement;
import org.opendms.settlement.api.CreditStatements;
import org.opendms.settlement.api.CreditAccounts;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Deposits;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.settlement.api.TenderAvailability;
import org.opendms.settlement.api.TenderOption;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.api.BenefitProvider;
import org.opendms.settlement.api.CashTakings;
import org.opendms.settlement.api.BenefitContext;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrders;
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
 * Settlement on JPA: documents per payer, payments in several tenders, reversals, deposits and credit accounts. Every
 * change runs in one transaction of the settlement's tables with the audit trail; listeners hear after commit. The
 * component holds the references and the configuration; each kind of work is done by its own class (Settling,
 * Paying, Reversing, Delivery, DepositBook, CreditBook), which reads them from here at the time of the call.
 */
@Component(service = { Settlements.class, Deposits.class,
        CreditAccounts.class, CreditStatements.class, CashUps.class }, configurationPid = SettlementConfig.PID)
@Designate(ocd = SettlementConfig.class)
public class JpaSettlements implements Settlements, Deposits, CreditAccounts, CreditStatements, CashUps {

    private static final Logger LOG = LoggerFactory.getLogger(JpaSettlements.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Reference(target = "(osgi.unit.name=dms-settlement)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.settlement.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    /** The work order settled, read through its published API. */
    @Reference
    WorkOrders workOrders;

    /** A credit account is only for a company customer. */
    @Reference
    CustomerService customers;

    volatile List<SettlementListener> listeners = List.of();
    private final LateServices<SettlementListener> boundListeners = new LateServices<>();

    @Reference(service = SettlementListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<SettlementListener> objects) {
        listeners = boundListeners.bind(objects);
    }

    void unbindListener(ComponentServiceObjects<SettlementListener> objects) {
        listeners = boundListeners.unbind(objects);
    }

    /** Tenders plugins add (stored value, points, coupons). */
    volatile List<TenderProvider> providers = List.of();
    private final LateServices<TenderProvider> boundTenderProviders = new LateServices<>();

    @Reference(service = TenderProvider.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTenderProvider")
    void bindTenderProvider(ComponentServiceObjects<TenderProvider> objects) {
        providers = boundTenderProviders.bind(objects);
    }

    void unbindTenderProvider(ComponentServiceObjects<TenderProvider> objects) {
        providers = boundTenderProviders.unbind(objects);
    }

    /** Price benefits plugins give on the customer's bill (a member tier's discount). */
    volatile List<BenefitProvider> benefitProviders = List.of();
    private final LateServices<BenefitProvider> boundBenefitProviders = new LateServices<>();

    @Reference(service = BenefitProvider.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindBenefitProvider")
    void bindBenefitProvider(ComponentServiceObjects<BenefitProvider> objects) {
        benefitProviders = boundBenefitProviders.bind(objects);
    }

    void unbindBenefitProvider(ComponentServiceObjects<BenefitProvider> objects) {
        benefitProviders = boundBenefitProviders.unbind(objects);
    }

    /** Money plugins take at the desk outside settlements, for the cashier's day. */
    volatile List<CashTakings> cashTakings = List.of();
    private final LateServices<CashTakings> boundCashTakings = new LateServices<>();

    @Reference(service = CashTakings.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindCashTakings")
    void bindCashTakings(ComponentServiceObjects<CashTakings> objects) {
        cashTakings = boundCashTakings.bind(objects);
    }

    void unbindCashTakings(ComponentServiceObjects<CashTakings> objects) {
        cashTakings = boundCashTakings.unbind(objects);
    }

    volatile Billing.Rules rules = Billing.Rules.DEFAULTS;

    @Activate
    @Modified
    void configure(SettlementConfig config) {
        rules = rules(config);
    }

    /** The configuration as rules; a value that does not parse keeps its default, logged. */
    static Billing.Rules rules(SettlementConfig config) {
        Billing.Rules d = Billing.Rules.DEFAULTS;
        BigDecimal share = share(config.discountLimitShare(), "discountLimitShare", d.discountLimitShare());
        BigDecimal fee = share(config.handlingFeeRate(), "handlingFeeRate", d.handlingFeeRate());
        BigDecimal limit = share(config.roundingLimit(), "roundingLimit", d.roundingLimit(), new BigDecimal("100"));
        Set<Payer> payers = EnumSet.noneOf(Payer.class);
        try {
            for (String p : config.handlingFeePayers().split(",")) {
                if (!p.isBlank()) {
                    payers.add(Payer.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.error("handlingFeePayers '{}' in {} is not a list of payers; using {}", config.handlingFeePayers(),
                    SettlementConfig.PID, d.handlingFeePayers());
            payers = d.handlingFeePayers();
        }
        return new Billing.Rules(share, fee, Set.copyOf(payers), limit);
    }

    private static BigDecimal share(String raw, String key, BigDecimal fallback) {
        return share(raw, key, fallback, BigDecimal.ONE);
    }

    private static BigDecimal share(String raw, String key, BigDecimal fallback, BigDecimal max) {
        try {
            BigDecimal v = new BigDecimal(raw.strip());
            if (v.signum() >= 0 && v.compareTo(max) <= 0) {
                return v;
            }
        } catch (RuntimeException e) {
            // logged below
        }
        LOG.error("{} '{}' in {} is not a number from 0 to {}; using {}", key, raw, SettlementConfig.PID, max,
                fallback);
        return fallback;
    }

    private final Settling settling = new Settling(this);
    private final Paying paying = new Paying(this);
    private final Reversing reversing = new Reversing(this);
    private final Delivery delivery = new Delivery(this);
    private final DepositBook deposits = new DepositBook(this);
    final CreditBook credit = new CreditBook(this);
    final StatementBook statementBook = new StatementBook(this);
    final CashUpBook cashUps = new CashUpBook(this);

    // ---------------------------------------------------------------- Settlements

    @Override
    public List<Settlement> settle(SettleRequest request, Actor actor) {
        return settling.settle(request, actor);
    }

    @Override
    public Settlement get(long id) {
        return settling.get(id);
    }

    @Override
    public List<Settlement> forWorkOrder(long workOrderId) {
        return settling.forWorkOrder(workOrderId);
    }

    @Override
    public List<Settlement> openAfterDelivery() {
        return settling.openAfterDelivery();
    }

    @Override
    public Settlement approveDiscount(long id, long expectedVersion, Actor actor) {
        return settling.approveDiscount(id, expectedVersion, actor);
    }

    @Override
    public Settlement pay(long id, long expectedVersion, List<TenderDraft> tenders, Actor actor) {
        return paying.pay(id, expectedVersion, tenders, actor);
    }

    @Override
    public List<TenderOption> tenderOptions() {
        return paying.tenderOptions();
    }

    @Override
    public List<TenderAvailability> availableTenders(long id, Actor actor) {
        return paying.availableTenders(id, actor);
    }

    @Override
    public Settlement reverse(long id, long expectedVersion, String reason, Actor actor) {
        return reversing.reverse(id, expectedVersion, reason, actor);
    }

    @Override
    public void allowDeliveryUnpaid(long workOrderId, String reason, Actor actor) {
        delivery.allowDeliveryUnpaid(workOrderId, reason, actor);
    }

    @Override
    public List<Violation> deliveryRefusals(long workOrderId) {
        return delivery.deliveryRefusals(workOrderId);
    }

    // ---------------------------------------------------------------- Deposits

    @Override
    public Deposit take(long workOrderId, BigDecimal amount, String method, String reference, Actor actor) {
        return deposits.take(workOrderId, amount, method, reference, actor);
    }

    @Override
    public List<Deposit> ofWorkOrder(long workOrderId) {
        return deposits.ofWorkOrder(workOrderId);
    }

    // ---------------------------------------------------------------- CreditAccounts

    @Override
    public CreditAccount save(long customerId, BigDecimal creditLimit, int termsDays, Long expectedVersion,
            Actor actor) {
        return credit.save(customerId, creditLimit, termsDays, expectedVersion, actor);
    }

    @Override
    public CreditAccount ofCustomer(long customerId) {
        return credit.ofCustomer(customerId);
    }

    @Override
    public List<CreditAccount> all() {
        return credit.all();
    }

    // ---------------------------------------------------------------- CreditStatements

    @Override
    public CreditStatement issue(long customerId, String period, Actor actor) {
        return statementBook.issue(customerId, period, actor);
    }

    @Override
    public CreditStatement statement(long id) {
        return statementBook.statement(id);
    }

    @Override
    public List<CreditStatement> statements(long customerId) {
        return statementBook.statements(customerId);
    }

    @Override
    public CreditReceipt receive(long statementId, String method, BigDecimal amount, String reference, Actor actor) {
        return statementBook.receive(statementId, method, amount, reference, actor);
    }

    @Override
    public Ageing ageing(long customerId) {
        return statementBook.ageing(customerId);
    }

    @Override
    public List<Ageing> ageing() {
        return statementBook.ageing();
    }

    // ---------------------------------------------------------------- CashUps

    @Override
    public CashUp of(String cashier, LocalDate day) {
        return cashUps.of(cashier, day);
    }

    @Override
    public List<CashUp> ofDay(LocalDate day) {
        return cashUps.ofDay(day);
    }

    @Override
    public CashUp count(BigDecimal countedCash, String note, Actor cashier) {
        return cashUps.count(countedCash, note, cashier);
    }

    @Override
    public CashUp close(long id, long expectedVersion, String note, Actor manager) {
        return cashUps.close(id, expectedVersion, note, manager);
    }

    // ---------------------------------------------------------------- shared by the parts

    /** A document's number: JS, the shop's day, the id. */
    String number(Instant now, long id) {
        return "JS" + DAY.format(now.atZone(clock.zone())) + "-" + String.format("%06d", id);
    }

    Map<String, TenderProvider> pluginTenders() {
        return providers.stream().filter(p -> !TenderMethods.CORE.contains(p.method().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toMap(p -> p.method().toUpperCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
    }

    /** What every running benefit provider offers for the work order's customer lines; one that fails gives none. */
    Billing.Benefits benefitsFor(WorkOrder wo) {
        List<BenefitProvider> ps = benefitProviders;
        if (ps.isEmpty()) {
            return Billing.Benefits.NONE;
        }
        return lines -> {
            BenefitContext context = new BenefitContext(wo.id(), wo.customerId(), wo.vehicleId(), lines);
            List<Benefit> out = new ArrayList<>();
            for (BenefitProvider p : ps) {
                try {
                    List<Benefit> offered = p.benefits(context);
                    if (offered != null) {
                        out.addAll(offered);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("benefit provider {} failed for work order {}; the bill is built without its benefits",
                            p.getClass().getName(), wo.number(), e);
                }
            }
            return out;
        };
    }

    Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Tells the listeners of a change that has committed (a listener that throws is logged). */
    <E> void tellAll(java.util.function.BiConsumer<SettlementListener, E> method, E event, String what) {
        List<SettlementListener> ls = listeners;
        if (!ls.isEmpty()) {
            AfterCommit.tell(ls, method, event, what);
        }
    }

    void tell(java.util.function.BiConsumer<SettlementListener, SettlementEvent> method, Settlement s,
            Instant at, Actor actor) {
        List<SettlementListener> ls = listeners;
        if (ls.isEmpty()) {
            return;
        }
        SettlementEvent event = new SettlementEvent(s.id(), s.number(), s.workOrderId(), s.customerId(), s.payer(),
                s.payable(), s.tenders().stream().map(t -> t.method()).toList(), s.reversalOfId(), at,
                actor.username());
        AfterCommit.tell(ls, method, event, "settlement " + s.id());
    }
}
