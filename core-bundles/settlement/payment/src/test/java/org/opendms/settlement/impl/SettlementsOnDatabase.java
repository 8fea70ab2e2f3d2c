package org.opendms.settlement.impl;

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
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;

/**
 * The real settlement service on a test database, for the online-payment contract: the documents paid online are its
 * own, so are its refusals (a transaction number taken twice). Work orders come from its in-memory fake.
 */
public final class SettlementsOnDatabase {

    private static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);

    private final JpaSettlements service = new JpaSettlements();
    private final FakeWorkOrders workOrders = new FakeWorkOrders();
    private final long customer;

    public SettlementsOnDatabase(TestDatabase db, ShopClock clock, Permissions permissions, AuditTrail audit) {
        CustomerService customers = CustomerArchiveForTests.on(db);
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

    /** A completed work order with one labour line of {@code net} yuan, settled: its customer's document, OPEN. */
    public Settlement openBill(String net) {
        var wo = workOrders.completed(customer, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", net)));
        return service.settle(SettleRequest.of(wo.id()), CASHIER).stream().filter(s -> s.payer() == Payer.CUSTOMER)
                .findFirst().orElseThrow();
    }
}
