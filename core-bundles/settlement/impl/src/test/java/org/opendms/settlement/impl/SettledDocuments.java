package org.opendms.settlement.impl;

import org.opendms.settlement.api.TenderProvider;

import static org.opendms.settlement.impl.FakeWorkOrders.job;
import static org.opendms.settlement.impl.FakeWorkOrders.line;

import java.util.List;
import java.util.Set;

import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.customer.impl.CustomerArchiveForTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;

/**
 * The real settlement service on a test database, for the contracts of bundles that build on settlement (online
 * payment, invoicing): their documents are its own, opened, paid in cash and reversed (红冲) as the cashier and the
 * manager do it. Work orders come from its in-memory fake. Published in this bundle's test-jar.
 */
public final class SettledDocuments {

    private static final Actor CASHIER = new Actor("qian.cashier", Set.of("cashier"), Channel.REST);
    private static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);

    private final JpaSettlements service = new JpaSettlements();
    private final FakeWorkOrders workOrders = new FakeWorkOrders();
    private final long customer;
    private final CustomerService customers;

    public SettledDocuments(TestDatabase db, ShopClock clock, Permissions permissions, AuditTrail audit) {
        customers = CustomerArchiveForTests.on(db);
        db.migrate("db/org.opendms.settlement.impl/changelog.xml");
        service.jpa = db.jpa("dms-settlement");
        service.permissions = permissions;
        service.clock = clock;
        service.audit = audit;
        service.workOrders = workOrders;
        service.customers = customers;
        customer = customers.create(new CustomerDraft(CustomerType.PERSON, "李娜", "13712345678", null, null, List.of(),
                false, null), new Actor("wang.advisor", Set.of("advisor"), Channel.REST)).id();
    }

    public Settlements service() {
        return service;
    }

    public void listeners(List<SettlementListener> listeners) {
        service.listeners = listeners;
    }

    /** The tenders plugins add, as DS would bind them. */
    public void tenders(List<TenderProvider> providers) {
        service.providers = providers;
    }

    /** The price benefits plugins give, as DS would bind them. */
    public void benefits(List<org.opendms.settlement.api.BenefitProvider> providers) {
        service.benefitProviders = providers;
    }

    /** What plugins took at the desk, as DS would bind them. */
    public void cashTakings(List<org.opendms.settlement.api.CashTakings> takings) {
        service.cashTakings = takings;
    }

    /** The cashiers' days of the same service. */
    public org.opendms.settlement.api.CashUps cashUps() {
        return service;
    }

    /** The work orders the documents bill (each one's vehicle is 77). */
    public org.opendms.workorder.api.WorkOrders workOrders() {
        return workOrders;
    }

    /**
     * A completed work order of the customer's pay type with one job per {code, labour net, parts net or null}, the
     * labour line carrying the code (a labour operation's), settled: the customer's document, OPEN.
     */
    public Settlement openJobs(String[]... jobs) {
        return openJobs(77, jobs);
    }

    /** The same for the given vehicle of the customer. */
    public Settlement openJobs(long vehicleId, String[]... jobs) {
        List<FakeWorkOrders.JobSpec> specs = new java.util.ArrayList<>();
        for (String[] j : jobs) {
            specs.add(j.length > 2 && j[2] != null
                    ? job(PayType.CUSTOMER, FakeWorkOrders.coded(LineType.LABOUR, j[0], "1", j[1]),
                            line(LineType.PART, "1", j[2]))
                    : job(PayType.CUSTOMER, FakeWorkOrders.coded(LineType.LABOUR, j[0], "1", j[1])));
        }
        var wo = workOrders.completed(customer, vehicleId, specs.toArray(FakeWorkOrders.JobSpec[]::new));
        return service.settle(new SettleRequest(wo.id(), null, null, null, null, Rounding.NONE), CASHIER).stream()
                .filter(s -> s.payer() == Payer.CUSTOMER).findFirst().orElseThrow();
    }

    /** The customer whose documents these are, and the archive it is in. */
    public long customer() {
        return customer;
    }

    public CustomerService customers() {
        return customers;
    }

    /** A completed work order with one labour line of {@code net} yuan, settled: its customer's document, OPEN. */
    public Settlement open(String net) {
        return open(net, Rounding.NONE);
    }

    public Settlement open(String net, Rounding roundTo) {
        var wo = workOrders.completed(customer, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", net)));
        return service.settle(new SettleRequest(wo.id(), null, null, null, null, roundTo), CASHIER).stream()
                .filter(s -> s.payer() == Payer.CUSTOMER).findFirst().orElseThrow();
    }

    /** The same, paid in cash: SETTLED. */
    public Settlement settled(String net) {
        return pay(open(net, Rounding.NONE));
    }

    public Settlement settled(String net, Rounding roundTo) {
        return pay(open(net, roundTo));
    }

    private Settlement pay(Settlement s) {
        return service.pay(s.id(), s.version(), List.of(new TenderDraft("CASH", s.payable(), s.payable(), null)),
                CASHIER);
    }

    /** 红冲 by the manager; answers the reversed document as it now is. */
    public Settlement reverse(Settlement s) {
        Settlement now = service.get(s.id());
        service.reverse(now.id(), now.version(), "开错工时", MANAGER);
        return service.get(s.id());
    }
}
