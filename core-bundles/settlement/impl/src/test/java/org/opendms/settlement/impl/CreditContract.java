package org.opendms.settlement.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.settlement.impl.FakeWorkOrders.job;
import static org.opendms.settlement.impl.FakeWorkOrders.line;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.event.CashUpClosedEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.settlement.api.event.StatementIssuedEvent;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CashTakings;
import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUpTender;
import org.opendms.settlement.api.CashUpStatus;
import org.opendms.settlement.api.CreditReceipt;
import org.opendms.settlement.api.CreditStatement;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;

/**
 * Money over days and months with the shop's clock moving: credit accounts (statements, receipts, ageing, the refusal
 * of credit when overdue) and each cashier's day (交班/日结).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CreditContract {

    static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);

    /** The shop's clock, moved by the test from month to month. */
    static final class MovingClock implements ShopClock {
        volatile Instant at = Instant.parse("2026-11-01T03:00:00Z");

        @Override
        public ZoneId zone() {
            return TestShopClock.SHANGHAI;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(at, zone());
        }
    }

    TestDatabase db;
    JpaSettlements service;
    FakeWorkOrders workOrders;
    CustomerService customers;
    final MovingClock clock = new MovingClock();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        customers = CustomerArchiveForTests.on(db);
        db.migrate("db/org.opendms.settlement.impl/changelog.xml");
        assertEquals(1, db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'settlement-002'"));
        service = new JpaSettlements();
        service.jpa = db.jpa("dms-settlement");
        service.permissions = TestPermissions.of();
        service.clock = clock;
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, service.permissions);
        service.workOrders = workOrders = new FakeWorkOrders();
        service.customers = customers;
        service.listeners = List.of(new SettlementListener() {
            @Override
            public void statementIssued(StatementIssuedEvent event) {
                heard.add(event);
            }

            @Override
            public void cashUpClosed(CashUpClosedEvent event) {
                heard.add(event);
            }
        });
    }

    /** Statement and cash-up events told to plugins. */
    final List<Object> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

    long statementEvents(long statementId) {
        return heard.stream().filter(e -> e instanceof StatementIssuedEvent i && i.statement().id() == statementId)
                .count();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    void at(String instant) {
        clock.at = Instant.parse(instant);
    }

    /** A company with a credit account (limit 10 000, 30 days' terms). */
    long account(String name) {
        long c = customers.create(new CustomerDraft(CustomerType.COMPANY, name, null, null, null, List.of(), false,
                null), ADVISOR).id();
        service.save(c, yuan("10000"), 30, null, MANAGER);
        return c;
    }

    /** A work order of {@code net} yuan of labour (VAT 13 %), settled and put on account; the document. */
    Settlement onAccount(long customer, String net, Actor actor, String reference) {
        Settlement s = service.settle(SettleRequest.of(workOrders
                .completed(customer, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", net))).id()), CASHIER).get(0);
        return service.pay(s.id(), s.version(), List.of(new TenderDraft("ON_ACCOUNT", s.payable(), null, reference)),
                actor);
    }

    static String code(DmsException e) {
        return e.violations().get(0).code();
    }

    static void bilingual(DmsException e) {
        for (Violation v : e.violations()) {
            assertFalse(v.messageZh().isBlank());
            assertFalse(v.messageEn().isBlank());
            assertFalse(v.messageZh().equals(v.messageEn()));
        }
    }

    /** Runs the work twice at the same moment; each outcome, or the kind and code of its refusal. */
    static List<String> twoAtOnce(java.util.function.IntFunction<String> work) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return work.apply(n);
                    } catch (DmsException e) {
                        return e.kind() + " " + code(e);
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theMonthsStatementListsItsOnAccountDocumentsAndIsTheSameWhenAskedAgain() {
        long fleet = account("顺丰车队 " + System.nanoTime());
        at("2026-11-10T03:00:00Z");
        Settlement nov = onAccount(fleet, "500", CASHIER, null); // 565.00
        at("2026-12-02T03:00:00Z");
        Settlement dec = onAccount(fleet, "100", CASHIER, null); // 113.00

        CreditStatement s = service.issue(fleet, "2026-11", CASHIER);
        assertEquals("2026-11", s.period());
        assertEquals(List.of(nov.number()), s.documents().stream().map(d -> d.number()).toList());
        assertEquals(yuan("0.00"), s.opening().setScale(2));
        assertEquals(yuan("565.00"), s.charges());
        assertEquals(yuan("565.00"), s.closing());
        assertEquals(yuan("565.00"), s.owed());
        assertEquals(LocalDate.of(2026, 12, 30), s.dueDate(), "30 November plus 30 days' terms");
        assertEquals(s.id(), service.issue(fleet, "2026-11", MANAGER).id(), "the same statement, not a second");
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_statement WHERE customer_id = " + fleet));
        assertEquals(1, statementEvents(s.id()), "plugins hear of the statement once, not of asking again");

        CreditStatement d = service.issue(fleet, "2026-12", CASHIER);
        assertEquals(yuan("565.00"), d.opening());
        assertEquals(List.of(dec.number()), d.documents().stream().map(x -> x.number()).toList());
        assertEquals(yuan("678.00"), d.closing());
        assertEquals(List.of("2026-12", "2026-11"),
                service.statements(fleet).stream().map(CreditStatement::period).toList());

        assertEquals("future", code(assertThrows(DmsException.class, () -> service.issue(fleet, "2027-01", CASHIER))));
        DmsException bad = assertThrows(DmsException.class, () -> service.issue(fleet, "2026-13", CASHIER));
        assertEquals("period", bad.violations().get(0).field());
        bilingual(bad);
        assertEquals(DmsException.Kind.FORBIDDEN,
                assertThrows(DmsException.class, () -> service.issue(fleet, "2026-11", ADVISOR)).kind());

        // a reversal in December is a credit on December's statement
        Settlement r = service.reverse(dec.id(), service.get(dec.id()).version(), "开错单位", MANAGER);
        CreditStatement d2 = service.issue(fleet, "2026-12", CASHIER);
        assertEquals(yuan("0.00"), d2.charges().setScale(2));
        assertEquals(2, d2.documents().size());
        assertTrue(d2.documents().stream().anyMatch(x -> x.number().equals(r.number())));
        assertTrue(db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'credit-statement'"
                + " AND record_id = '" + s.id() + "'") > 0, "issuing is in the audit trail");
    }

    @Test
    void receiptsPayAStatementInPartsAndNeverMoreThanItOwes() throws Exception {
        long fleet = account("京东物流 " + System.nanoTime());
        at("2026-11-10T03:00:00Z");
        onAccount(fleet, "500", CASHIER, null);
        at("2026-12-02T03:00:00Z");
        CreditStatement s = service.issue(fleet, "2026-11", CASHIER);

        CreditReceipt first = service.receive(s.id(), "CASH", yuan("300"), null, CASHIER);
        assertEquals(yuan("300.00"), first.amount());
        assertEquals(yuan("265.00"), service.statement(s.id()).owed());
        assertEquals(yuan("265.00"), service.ofCustomer(fleet).balance(), "the receipt frees the credit");
        assertEquals(yuan("300.00"), service.issue(fleet, "2026-12", CASHIER).received());

        DmsException over = assertThrows(DmsException.class,
                () -> service.receive(s.id(), "TRANSFER", yuan("265.01"), "BANK123", CASHIER));
        assertEquals("statement.overpaid", code(over));
        assertEquals("amount", over.violations().get(0).field());
        bilingual(over);
        DmsException wrong = assertThrows(DmsException.class,
                () -> service.receive(s.id(), "TRANSFER", yuan("-1"), null, CASHIER));
        assertEquals(Set.of("amount", "reference"),
                Set.copyOf(wrong.violations().stream().map(Violation::field).toList()));
        assertEquals("unknown", code(assertThrows(DmsException.class,
                () -> service.receive(s.id(), "WECHAT", yuan("1"), "x", CASHIER))));
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_receipt WHERE statement_id = " + s.id()));

        // two cashiers take 200 each against the 265 owed at the same moment: one of them is refused
        List<String> outcomes = twoAtOnce(i -> {
            service.receive(s.id(), "TRANSFER", yuan("200"), "BANK-RACE-" + i, CASHIER);
            return "ok";
        });
        assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("CONFLICT")), outcomes.toString());
        assertEquals(yuan("65.00"), service.statement(s.id()).owed());
        assertEquals(yuan("65.00"), service.ofCustomer(fleet).balance());
    }

    @Test
    void ageingMovesWithTheDaysAndAnOverdueAccountTakesNoNewCreditWithoutTheManager() {
        long fleet = account("中通快递 " + System.nanoTime());
        at("2026-11-10T03:00:00Z");
        onAccount(fleet, "500", CASHIER, null);
        at("2026-12-02T03:00:00Z");
        Ageing now = service.ageing(fleet);
        assertEquals(yuan("565.00"), now.current());
        assertFalse(now.overdue());
        CreditStatement s = service.issue(fleet, "2026-11", CASHIER);
        service.receive(s.id(), "CASH", yuan("65"), null, CASHIER);

        at("2027-01-05T03:00:00Z"); // due 30 December: 6 days late
        Ageing jan = service.ageing(fleet);
        assertEquals(yuan("0.00"), jan.current().setScale(2));
        assertEquals(yuan("500.00"), jan.days30());
        assertTrue(jan.overdue());
        assertTrue(service.ageing().stream().anyMatch(a -> a.customerId() == fleet && a.overdue()));

        DmsException refused = assertThrows(DmsException.class, () -> onAccount(fleet, "100", CASHIER, null));
        assertEquals("credit.overdue", code(refused));
        assertEquals("tenders[0].method", refused.violations().get(0).field());
        bilingual(refused);
        assertEquals("credit.overdue", code(assertThrows(DmsException.class,
                () -> onAccount(fleet, "100", MANAGER, null))), "the manager gives a reason");
        assertEquals(yuan("500.00"), service.ofCustomer(fleet).balance(), "nothing went on account");
        Settlement allowed = onAccount(fleet, "100", MANAGER, "车队月底统一回款，经理同意");
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_tender WHERE settlement_id = " + allowed.id()
                + " AND approved_by = 'zhao.manager' AND ref_no = '车队月底统一回款，经理同意'"));

        at("2027-03-15T03:00:00Z"); // November 75 days late; January's 113 due 2 March: 13 days
        Ageing march = service.ageing(fleet);
        assertEquals(yuan("500.00"), march.days90());
        assertEquals(yuan("113.00"), march.days30());
        assertEquals(yuan("613.00"), march.total());

        service.receive(s.id(), "TRANSFER", yuan("500"), "BANK-20270315", CASHIER);
        CreditStatement jan27 = service.issue(fleet, "2027-01", CASHIER);
        service.receive(jan27.id(), "CASH", yuan("113"), null, CASHIER);
        Ageing paid = service.ageing(fleet);
        assertFalse(paid.overdue());
        assertEquals(yuan("0.00"), paid.total().setScale(2));
        onAccount(fleet, "10", CASHIER, null); // credit again
    }

    // ---------------------------------------------------------------- cash-up

    @Test
    void theCashiersDayClosesWithZeroVarianceOnceAndTakesNoMoreMoneyAfter() throws Exception {
        Actor sun = new Actor("sun.cashier", Set.of("cashier"), Channel.REST);
        at("2026-12-03T02:00:00Z"); // 10:00 in Shanghai
        long person = customers.create(new CustomerDraft(CustomerType.PERSON, "王芳", "13912345678", null, null,
                List.of(), false, null), ADVISOR).id();
        Settlement bill = service.settle(SettleRequest.of(workOrders
                .completed(person, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "300"))).id()), sun).get(0);
        assertEquals(yuan("339.00"), bill.payable());
        service.pay(bill.id(), bill.version(),
                List.of(new TenderDraft("WECHAT", yuan("200"), null, "4200cu" + System.nanoTime()),
                        new TenderDraft("CASH", yuan("139"), yuan("200"), null)),
                sun);
        long open = workOrders.completed(person, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "10"))).id();
        service.take(open, yuan("50"), "CASH", null, sun);

        LocalDate day = LocalDate.of(2026, 12, 3);
        CashUp before = service.of("sun.cashier", day);
        assertEquals(CashUpStatus.OPEN, before.status());
        assertEquals(yuan("189.00"), before.expectedCash(), "139 of the bill (change given back) + 50 deposit");
        assertEquals(List.of("CASH 189.00 2", "WECHAT 200.00 1"), before.expected().stream()
                .map(t -> t.method() + " " + t.amount() + " " + t.count()).toList());

        CashUp counted = service.count(yuan("189.00"), null, sun);
        assertEquals(CashUpStatus.COUNTED, counted.status());
        assertEquals(yuan("0.00"), counted.variance());
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.close(counted.id(), counted.version(), null, sun)).kind());

        // the manager closes it twice at the same moment: once
        List<String> outcomes = twoAtOnce(
                i -> service.close(counted.id(), counted.version(), null, MANAGER).status().name());
        assertEquals(1, outcomes.stream().filter("CLOSED"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("CONFLICT")), outcomes.toString());
        CashUp closed = service.of("sun.cashier", day);
        assertEquals(CashUpStatus.CLOSED, closed.status());
        assertEquals("zhao.manager", closed.closedBy());
        assertEquals(2, db.count("SELECT COUNT(*) FROM stl_cashup_tender WHERE cashup_id = " + closed.id()));
        List<CashUpClosedEvent> told = heard.stream().filter(e -> e instanceof CashUpClosedEvent c
                && c.cashUp().id() == closed.id()).map(e -> (CashUpClosedEvent) e).toList();
        assertEquals(1, told.size(), "plugins hear of the close once");
        assertEquals("zhao.manager", told.get(0).by());
        assertEquals(yuan("189.00"), told.get(0).cashUp().countedCash());

        DmsException again = assertThrows(DmsException.class,
                () -> service.close(closed.id(), closed.version(), null, MANAGER));
        assertEquals("cashup.closed", code(again));
        bilingual(again);
        assertEquals("cashup.closed",
                code(assertThrows(DmsException.class, () -> service.count(yuan("1"), null, sun))));
        Settlement late = service.settle(SettleRequest.of(workOrders
                .completed(person, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "100"))).id()), sun).get(0);
        DmsException refused = assertThrows(DmsException.class, () -> service.pay(late.id(), late.version(),
                List.of(new TenderDraft("CASH", yuan("113"), null, null)), sun));
        assertEquals("cashup.closed", code(refused));
        bilingual(refused);
        assertEquals(closed, service.of("sun.cashier", day), "a closed day never changes");
        service.pay(late.id(), late.version(), List.of(new TenderDraft("CASH", yuan("113"), null, null)), CASHIER);
        at("2026-12-04T01:00:00Z");
        assertEquals(CashUpStatus.OPEN, service.of("sun.cashier", LocalDate.of(2026, 12, 4)).status());
    }

    @Test
    void whatAPluginTookAtTheDeskCountsInTheCashiersDayAndIsKeptWhenClosed() {
        Actor qian = new Actor("qian.cashier", Set.of("cashier"), Channel.REST);
        at("2026-12-06T03:00:00Z");
        LocalDate day = LocalDate.of(2026, 12, 6);
        List<CashUpTender> topUps = new java.util.concurrent.CopyOnWriteArrayList<>(
                List.of(new CashUpTender("cash", yuan("1000.00"), 1), new CashUpTender("WECHAT", yuan("500.00"), 1)));
        CashTakings membership = (cashier, d) -> cashier.equals("qian.cashier") && d.equals(day) ? topUps
                : List.of();
        CashTakings broken = (cashier, d) -> {
            throw new IllegalStateException("plugin database gone");
        };
        service.cashTakings = List.of(membership, broken);
        try {
            long person = customers.create(new CustomerDraft(CustomerType.PERSON, "钱进", "13512345678", null, null,
                    List.of(), false, null), ADVISOR).id();
            Settlement bill = service.settle(SettleRequest.of(workOrders
                    .completed(person, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "100"))).id()), qian).get(0);
            service.pay(bill.id(), bill.version(), List.of(new TenderDraft("CASH", yuan("113"), null, null)), qian);

            CashUp day1 = service.of("qian.cashier", day);
            assertEquals(yuan("1113.00"), day1.expectedCash(), "the bill's 113 and the top-up's 1000 in the drawer");
            assertEquals(List.of("CASH 1113.00 2", "WECHAT 500.00 1"), day1.expected().stream()
                    .map(t -> t.method() + " " + t.amount() + " " + t.count()).toList());
            assertEquals(List.of(), service.of("sun.cashier", day).expected(), "another cashier's day has none");

            CashUp counted = service.count(yuan("1113.00"), null, qian);
            assertEquals(yuan("0.00"), counted.variance());
            CashUp closed = service.close(counted.id(), counted.version(), null, MANAGER);
            topUps.add(new CashUpTender("CASH", yuan("300.00"), 1)); // the plugin's records move on afterwards
            assertEquals(closed, service.of("qian.cashier", day), "a closed day keeps what it held");
            service.cashTakings = List.of();
            assertEquals(yuan("1113.00"), service.of("qian.cashier", day).expectedCash(), "even without the plugin");
        } finally {
            service.cashTakings = List.of();
        }
    }

    @Test
    void aVarianceIsClosedOnlyWithANote() {
        Actor wu = new Actor("wu.cashier", Set.of("cashier"), Channel.REST);
        at("2026-12-05T02:00:00Z");
        long person = customers.create(new CustomerDraft(CustomerType.PERSON, "赵强", "13612345678", null, null,
                List.of(), false, null), ADVISOR).id();
        Settlement bill = service.settle(SettleRequest.of(workOrders
                .completed(person, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "100"))).id()), wu).get(0);
        service.pay(bill.id(), bill.version(), List.of(new TenderDraft("CASH", yuan("113"), null, null)), wu);
        assertEquals("countedCash", assertThrows(DmsException.class, () -> service.count(yuan("-1"), null, wu))
                .violations().get(0).field());
        CashUp short13 = service.count(yuan("100"), null, wu);
        assertEquals(yuan("-13.00"), short13.variance(), "短款 13 yuan");
        DmsException noNote = assertThrows(DmsException.class,
                () -> service.close(short13.id(), short13.version(), " ", MANAGER));
        assertEquals("note", noNote.violations().get(0).field());
        bilingual(noNote);
        CashUp closed = service.close(short13.id(), short13.version(), "找零多给 13 元", MANAGER);
        assertEquals("找零多给 13 元", closed.note());
        assertEquals(yuan("-13.00"), closed.variance());
        assertTrue(db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'cash-up' AND record_id = '"
                + closed.id() + "'") > 0);
    }
}
