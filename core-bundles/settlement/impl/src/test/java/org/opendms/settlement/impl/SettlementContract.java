package org.opendms.settlement.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.settlement.impl.FakeWorkOrders.job;
import static org.opendms.settlement.impl.FakeWorkOrders.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.BenefitContext;
import org.opendms.settlement.api.BenefitProvider;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/** Settlement rules on a real database migrated by the real changelog, with the real customer archive and audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SettlementContract {

    static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final AtomicInteger TXN = new AtomicInteger();

    TestDatabase db;
    JpaSettlements service;
    FakeWorkOrders workOrders;
    CustomerService customers;
    long person;
    long company;
    final List<SettlementEvent> heard = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        customers = CustomerArchiveForTests.on(db);
        // the changesets live in included files (settlement-001-…), so the master names none of its own
        db.migrate("db/org.opendms.settlement.impl/changelog.xml");
        assertEquals(1, db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'settlement-001'"));
        service = new JpaSettlements();
        service.jpa = db.jpa("dms-settlement");
        service.permissions = TestPermissions.of();
        service.clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
        service.workOrders = workOrders = new FakeWorkOrders();
        service.customers = customers;
        service.listeners = List.of(new SettlementListener() {
            @Override
            public void settled(SettlementEvent event) {
                heard.add(event);
            }

            @Override
            public void reversed(SettlementEvent event) {
                heard.add(event);
            }
        });
        person = customers.create(new CustomerDraft(CustomerType.PERSON, "李娜", "13712345678", null, null, List.of(),
                false, null), ADVISOR).id();
        company = customers.create(new CustomerDraft(CustomerType.COMPANY, "顺丰车队", "13812345678", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @BeforeEach
    void defaults() {
        service.rules = new Billing.Rules(new BigDecimal("0.10"), new BigDecimal("0.05"),
                Set.of(Payer.CUSTOMER, Payer.INSURER), new BigDecimal("1.00"));
        service.providers = List.of();
        heard.clear();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    static String txn() {
        return "4200" + System.nanoTime() + TXN.incrementAndGet();
    }

    static TenderDraft cash(String amount, String tendered) {
        return new TenderDraft("CASH", yuan(amount), tendered == null ? null : yuan(tendered), null);
    }

    static TenderDraft wechat(String amount, String txn) {
        return new TenderDraft("WECHAT", yuan(amount), null, txn);
    }

    /** Customer job: 2 h labour at 100, 3 filters at 33.33, a 10 yuan fee; insurer job: 300 labour, 500 parts. */
    WorkOrder visit(long customerId) {
        return workOrders.completed(customerId,
                job(PayType.CUSTOMER, line(LineType.LABOUR, "2", "100"), line(LineType.PART, "3", "33.33"),
                        line(LineType.FEE, "1", "10")),
                job(PayType.INSURANCE, line(LineType.LABOUR, "3", "100"), line(LineType.PART, "1", "500")));
    }

    /** A work order with only a customer job worth {@code amount} net of VAT (one labour line). */
    WorkOrder customerOnly(long customerId, String amount) {
        return workOrders.completed(customerId, job(PayType.CUSTOMER, line(LineType.LABOUR, "1", amount)));
    }

    static Settlement doc(List<Settlement> docs, Payer payer) {
        return docs.stream().filter(s -> s.payer() == payer).findFirst().orElseThrow();
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

    long audits(long settlementId) {
        return db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'settlement' AND record_id = '"
                + settlementId + "'");
    }

    long tenders(long settlementId) {
        return db.count("SELECT COUNT(*) FROM stl_tender WHERE settlement_id = " + settlementId);
    }

    // ---------------------------------------------------------------- building documents

    @Test
    void buildsOneDocumentPerPayerWithHandlingFeeDiscountVatAndRoundingExactToTheFen() {
        WorkOrder wo = visit(person);
        List<Settlement> docs = service.settle(new SettleRequest(wo.id(), null, null,
                Map.of(Payer.CUSTOMER, yuan("10.00")), Map.of(Payer.INSURER, "中国人保"), Rounding.YUAN), CASHIER);
        assertEquals(List.of(Payer.CUSTOMER, Payer.INSURER), docs.stream().map(Settlement::payer).toList());

        Settlement c = doc(docs, Payer.CUSTOMER);
        assertEquals(yuan("200.00"), c.labour());
        assertEquals(yuan("99.99"), c.parts());
        assertEquals(yuan("10.00"), c.fees());
        assertEquals(yuan("5.00"), c.handlingFee(), "5 % of 99.99 = 4.9995, HALF_UP to the fen");
        assertEquals(yuan("10.00"), c.discount());
        assertEquals(yuan("304.99"), c.net());
        assertEquals(yuan("39.65"), c.vat(), "304.99 × 13 % = 39.6487");
        assertEquals(yuan("344.64"), c.gross());
        assertEquals(yuan("-0.64"), c.rounding());
        assertEquals(yuan("344.00"), c.payable());
        assertEquals(SettlementStatus.OPEN, c.status());
        assertNull(c.discountApprovedBy(), "within the limit needs nobody");
        assertEquals(c.discount(), c.lines().stream().map(SettlementLine::discount).reduce(BigDecimal.ZERO,
                BigDecimal::add), "the discount is spread over the lines exactly");
        assertEquals(c.net(), c.lines().stream().map(SettlementLine::net).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (SettlementLine l : c.lines()) {
            assertEquals(l.listNet().subtract(l.discount()), l.net());
        }
        assertEquals(LineKind.HANDLING_FEE, c.lines().get(c.lines().size() - 1).kind());
        assertTrue(c.number().matches("JS20261202-\\d{6}"), c.number());

        Settlement i = doc(docs, Payer.INSURER);
        assertEquals("中国人保", i.payerName());
        assertEquals(yuan("825.00"), i.net(), "300 + 500 + handling 25");
        assertEquals(yuan("107.25"), i.vat());
        assertEquals(yuan("932.25"), i.payable(), "rounding is the customer's only");
        assertTrue(audits(c.id()) > 0, "the new document is in the audit trail");
    }

    /** A member tier's benefit as the membership plugin gives it: a share off the labour lines. */
    static BenefitProvider labourOff(String share, List<BenefitContext> asked) {
        return context -> {
            asked.add(context);
            Map<Long, BigDecimal> off = new java.util.LinkedHashMap<>();
            context.lines().stream().filter(l -> l.kind() == LineKind.LABOUR).forEach(
                    l -> off.put(l.workOrderLineId(), l.net().multiply(yuan(share)).setScale(2, RoundingMode.HALF_UP)));
            return List.of(Benefit.of("金卡会员 工时优惠", "gold member: labour off", off));
        };
    }

    @Test
    void aMembersBenefitComesOffTheCustomersLinesBeforeTheCashiersDiscountNamedOnTheBillAndReversed() {
        WorkOrder wo = visit(person);
        List<BenefitContext> asked = new CopyOnWriteArrayList<>();
        BenefitProvider broken = context -> {
            throw new IllegalStateException("plugin database gone");
        };
        BenefitProvider greedy = context -> List.of(Benefit.of("多给", "too much",
                Map.of(context.lines().get(0).workOrderLineId(), yuan("100000.00"))));
        service.benefitProviders = List.of(broken, labourOff("0.5", asked), greedy);
        try {
            List<Settlement> docs = service.settle(new SettleRequest(wo.id(), null, null,
                    Map.of(Payer.CUSTOMER, yuan("10.00")), null, Rounding.NONE), CASHIER);
            assertEquals(1, asked.size(), "asked for the customer's bill only");
            assertEquals(person, asked.get(0).customerId());
            assertEquals(wo.vehicleId(), asked.get(0).vehicleId());
            assertEquals(3, asked.get(0).lines().size(), "labour, parts, fee: the insurer's lines are not shown");

            Settlement c = doc(docs, Payer.CUSTOMER);
            assertEquals(SettlementStatus.OPEN, c.status(), "the member's 100 off is the shop's rule: no approval");
            assertEquals(1, c.benefits().size(), "the failing and the over-generous offers are left out");
            Benefit gold = c.benefits().get(0);
            assertEquals("金卡会员 工时优惠", gold.nameZh());
            assertEquals(yuan("100.00"), gold.amount());
            assertEquals(yuan("200.00"), c.labour(), "the lines' gross stays as the work order has it");
            assertEquals(yuan("110.00"), c.discount(), "the benefit and the cashier's 10");
            assertEquals(yuan("204.99"), c.net(), "200 + 99.99 + 10 + 5.00 handling − 110");
            assertEquals(c.net(), c.lines().stream().map(SettlementLine::net).reduce(BigDecimal.ZERO, BigDecimal::add));
            SettlementLine labour = c.lines().stream().filter(l -> l.kind() == LineKind.LABOUR).findFirst()
                    .orElseThrow();
            assertEquals(gold.lines().get(labour.workOrderLineId()), yuan("100.00"));
            assertTrue(labour.discount().compareTo(yuan("100.00")) > 0, "and its share of the cashier's 10");
            assertEquals(List.of(), doc(docs, Payer.INSURER).benefits());
            assertEquals(yuan("0.00"), doc(docs, Payer.INSURER).discount());

            service.benefitProviders = List.of(labourOff("0.5", asked));
            DmsException over = assertThrows(DmsException.class, () -> service.settle(new SettleRequest(wo.id(), null,
                    null, Map.of(Payer.CUSTOMER, yuan("215.00")), null, Rounding.NONE), CASHIER));
            assertEquals("over_total", code(over), "the cashier's discount is checked against what is left");
            assertEquals(c, service.get(c.id()), "nothing changed");

            Settlement paid = service.pay(c.id(), c.version(), List.of(cash(c.payable().toPlainString(), null)),
                    CASHIER);
            Settlement r = service.reverse(paid.id(), paid.version(), "会员等级录错", MANAGER);
            assertEquals(yuan("-100.00"), r.benefits().get(0).amount());
            assertEquals(yuan("-110.00"), r.discount());
            assertEquals(gold.nameZh(), r.benefits().get(0).nameZh());
            assertEquals(List.of(yuan("100.00")), service.get(c.id()).benefits().stream().map(Benefit::amount)
                    .toList(), "the bill keeps its benefit");

            service.benefitProviders = List.of();
            Settlement again = service.settle(SettleRequest.of(wo.id()), CASHIER).get(0);
            assertEquals(List.of(), again.benefits(), "without the plugin the bill has no benefit");
            assertEquals(yuan("314.99"), again.net());
        } finally {
            service.benefitProviders = List.of();
        }
    }

    @Test
    void spreadsADiscountByLargestRemainder() {
        List<Billing.DraftLine> lines = new ArrayList<>();
        for (String n : List.of("33.33", "33.33", "33.34")) {
            lines.add(new Billing.DraftLine(1L, 1L, LineKind.PART, "P", "p", BigDecimal.ONE, yuan(n), yuan(n),
                    yuan("0.00"), yuan(n)));
        }
        assertEquals(List.of(yuan("0.03"), yuan("0.03"), yuan("0.04")),
                Billing.spread(lines, yuan("0.10")).stream().map(Billing.DraftLine::discount).toList());
        assertEquals(List.of(yuan("33.33"), yuan("33.33"), yuan("33.34")),
                Billing.spread(lines, yuan("100.00")).stream().map(Billing.DraftLine::discount).toList(),
                "the whole amount off: each line to 0");
    }

    @Test
    void payTypeChangedPerJobAndLineBeforeSettlingAndDeclinedJobsNotBilled() {
        WorkOrder wo = workOrders.completed(person,
                job(PayType.CUSTOMER, line(LineType.LABOUR, "1", "100"), line(LineType.PART, "1", "50")),
                FakeWorkOrders.declinedJob(PayType.CUSTOMER, line(LineType.LABOUR, "1", "999")),
                job(PayType.WARRANTY, line(LineType.LABOUR, "1", "80")));
        long partLine = wo.jobs().get(0).lines().get(1).id();
        long warrantyJob = wo.jobs().get(2).id();
        List<Settlement> docs = service.settle(new SettleRequest(wo.id(), Map.of(warrantyJob, Payer.GOODWILL),
                Map.of(partLine, Payer.INTERNAL), null, null, null), CASHIER);
        assertEquals(List.of(Payer.CUSTOMER, Payer.INTERNAL, Payer.GOODWILL),
                docs.stream().map(Settlement::payer).toList());
        assertEquals(yuan("100.00"), doc(docs, Payer.CUSTOMER).net(), "the declined job is not billed");
        assertEquals(yuan("50.00"), doc(docs, Payer.INTERNAL).parts());
        assertEquals(yuan("80.00"), doc(docs, Payer.GOODWILL).labour());
    }

    @Test
    void refusesWrongRequestsNamingEveryFieldWithNothingChanged() {
        WorkOrder wo = visit(person);
        DmsException e = assertThrows(DmsException.class, () -> service.settle(new SettleRequest(wo.id(),
                Map.of(999L, Payer.GOODWILL), Map.of(998L, Payer.INTERNAL), Map.of(Payer.CUSTOMER, yuan("-1"),
                        Payer.MANUFACTURER, yuan("5")),
                null, null), CASHIER));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(Set.of("jobPayers.999", "linePayers.998", "discounts.CUSTOMER", "discounts.MANUFACTURER"),
                Set.copyOf(e.violations().stream().map(Violation::field).toList()));
        bilingual(e);
        service.rules = new Billing.Rules(new BigDecimal("0.10"), BigDecimal.ZERO, Set.of(), new BigDecimal("0.20"));
        DmsException rounding = assertThrows(DmsException.class, () -> service.settle(new SettleRequest(wo.id(),
                null, null, null, null, Rounding.YUAN), CASHIER));
        assertEquals("rounding.over_limit", code(rounding), "309.99 + 40.30 VAT = 350.29: 0.29 off is over 0.20");
        assertTrue(service.forWorkOrder(wo.id()).isEmpty());

        WorkOrder open = workOrders.withStatus(visit(person), WorkOrderStatus.IN_REPAIR);
        DmsException notDone = assertThrows(DmsException.class, () -> service.settle(SettleRequest.of(open.id()),
                CASHIER));
        assertEquals("workorder.not_completed", code(notDone));
        DmsException advisor = assertThrows(DmsException.class, () -> service.settle(SettleRequest.of(wo.id()),
                ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, advisor.kind());
        assertTrue(service.forWorkOrder(open.id()).isEmpty());
    }

    @Test
    void aDiscountOverTheLimitWaitsForTheManagerAndTheApprovalIsRecorded() {
        WorkOrder wo = customerOnly(person, "300");
        Settlement c = service.settle(new SettleRequest(wo.id(), null, null, Map.of(Payer.CUSTOMER, yuan("50")), null,
                null), CASHIER).get(0);
        assertEquals(SettlementStatus.AWAITING_APPROVAL, c.status());
        DmsException notYet = assertThrows(DmsException.class, () -> service.pay(c.id(), c.version(),
                List.of(cash(c.payable().toPlainString(), null)), CASHIER));
        assertEquals("settlement.not_open", code(notYet));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.approveDiscount(c.id(), c.version(), CASHIER)).kind());
        Settlement approved = service.approveDiscount(c.id(), c.version(), MANAGER);
        assertEquals(SettlementStatus.OPEN, approved.status());
        assertEquals("zhao.manager", approved.discountApprovedBy());
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'settlement' AND record_id = '"
                + c.id() + "' AND field = 'discountApprovedBy' AND new_value = 'zhao.manager'"));

        Settlement byManager = service.settle(new SettleRequest(customerOnly(person, "300").id(), null, null,
                Map.of(Payer.CUSTOMER, yuan("50")), null, null), MANAGER).get(0);
        assertEquals(SettlementStatus.OPEN, byManager.status());
        assertEquals("zhao.manager", byManager.discountApprovedBy());
    }

    // ---------------------------------------------------------------- paying

    @Test
    void theCustomerPaysPartWeChatPartCashWithChangeAndTheCarMayLeave() {
        WorkOrder wo = visit(person);
        assertEquals("settlement.missing", service.deliveryRefusals(wo.id()).get(0).code());
        List<Settlement> docs = service.settle(SettleRequest.of(wo.id()), CASHIER);
        Settlement c = doc(docs, Payer.CUSTOMER);
        assertEquals("settlement.unpaid", service.deliveryRefusals(wo.id()).get(0).code());
        SettlementDeliveryRule rule = new SettlementDeliveryRule(service);
        assertEquals("settlement.unpaid", rule.refusals(wo).get(0).code());
        // a shop that takes money outside the platform lets the car go
        SettlementConfig outside = (SettlementConfig) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { SettlementConfig.class },
                (proxy, method, args) -> "deliveryNeedsPayment".equals(method.getName()) ? Boolean.FALSE
                        : method.getDefaultValue());
        rule.configure(outside);
        assertTrue(rule.refusals(wo).isEmpty());
        BigDecimal rest = c.payable().subtract(yuan("200"));
        String t = txn();
        Settlement paid = service.pay(c.id(), c.version(), List.of(wechat("200", t),
                new TenderDraft("cash", rest, yuan("400"), null)), CASHIER);
        assertEquals(SettlementStatus.SETTLED, paid.status());
        assertEquals(c.payable(), paid.paid());
        assertEquals(yuan("400.00").subtract(rest), paid.tenders().get(1).change());
        assertEquals(t, paid.tenders().get(0).reference());
        assertEquals("zhou.cashier", paid.settledBy());
        assertTrue(service.deliveryRefusals(wo.id()).isEmpty(), "the insurer's open document does not keep the car");
        assertEquals(List.of("WECHAT", "CASH"), heard.get(0).methods());
        assertTrue(new SettlementDeliveryRule(service).refusals(wo).isEmpty());

        DmsException again = assertThrows(DmsException.class, () -> service.pay(c.id(), paid.version(),
                List.of(cash("1", null)), CASHIER));
        assertEquals("settlement.not_open", code(again));
    }

    @Test
    void refusesTendersThatDoNotAddUpOrAreWrongNamingEachWithNothingStored() {
        Settlement c = service.settle(SettleRequest.of(customerOnly(person, "100").id()), CASHIER).get(0);
        DmsException wrong = assertThrows(DmsException.class, () -> service.pay(c.id(), c.version(), List.of(
                new TenderDraft("GOLD", yuan("1"), null, null), new TenderDraft("WECHAT", yuan("1.001"), null, null),
                new TenderDraft("CASH", yuan("10"), yuan("5"), null), new TenderDraft("DEPOSIT", yuan("1"), null,
                        "abc")),
                CASHIER));
        assertEquals(Set.of("tenders[0].method", "tenders[1].amount", "tenders[1].reference", "tenders[2].tendered",
                "tenders[3].reference"), Set.copyOf(wrong.violations().stream().map(Violation::field).toList()));
        bilingual(wrong);
        DmsException sum = assertThrows(DmsException.class, () -> service.pay(c.id(), c.version(),
                List.of(cash("100", null)), CASHIER));
        assertEquals("sum_mismatch", code(sum), "113.00 is asked");
        DmsException stale = assertThrows(DmsException.class, () -> service.pay(c.id(), c.version() + 1,
                List.of(cash("113", null)), CASHIER));
        assertEquals("stale_version", code(stale));
        assertEquals(0, tenders(c.id()));
        assertEquals(SettlementStatus.OPEN, service.get(c.id()).status());
    }

    @Test
    void aProviderTransactionNumberPaysOnlyOnce() {
        String t = txn();
        Settlement a = service.settle(SettleRequest.of(customerOnly(person, "100").id()), CASHIER).get(0);
        service.pay(a.id(), a.version(), List.of(wechat("113", t)), CASHIER);
        Settlement b = service.settle(SettleRequest.of(customerOnly(person, "100").id()), CASHIER).get(0);
        DmsException used = assertThrows(DmsException.class, () -> service.pay(b.id(), b.version(),
                List.of(cash("13", null), wechat("100", t)), CASHIER));
        assertEquals("txn.used", code(used));
        assertEquals("tenders[1].reference", used.violations().get(0).field());
        assertEquals(0, tenders(b.id()));
        assertEquals(yuan("0.00"), service.get(b.id()).paid());
    }

    /** A plugin's tender (stored value, say): the one that fails, or one that takes and records cancels. */
    static final class PluginTender implements TenderProvider {
        final String method;
        final boolean fails;
        final List<String> taken = new CopyOnWriteArrayList<>();
        final List<String> cancelled = new CopyOnWriteArrayList<>();
        final List<String> refunded = new CopyOnWriteArrayList<>();

        PluginTender(String method, boolean fails) {
            this.method = method;
            this.fails = fails;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String nameZh() {
            return "储值卡";
        }

        @Override
        public String nameEn() {
            return "Stored value";
        }

        @Override
        public Optional<BigDecimal> available(TenderContext context) {
            return Optional.of(new BigDecimal("1000.00"));
        }

        @Override
        public String take(TenderContext context, BigDecimal amount, String reference) {
            if (fails) {
                throw DmsException.conflict("reference", "balance.insufficient", "储值卡余额不足",
                        "the stored value is not enough");
            }
            String ref = "SV-" + context.settlementNumber() + "-" + amount;
            taken.add(ref);
            return ref;
        }

        @Override
        public void cancel(TenderContext context, String takenReference) {
            cancelled.add(takenReference);
        }

        @Override
        public void refund(TenderContext context, BigDecimal amount, String takenReference) {
            refunded.add(takenReference + ":" + amount);
        }
    }

    @Test
    void aTenderFailingInTheMiddleLeavesNoneOfThePayment() {
        WorkOrder wo = customerOnly(person, "300");
        Deposit deposit = service.take(wo.id(), yuan("100"), "CASH", null, CASHIER);
        Settlement c = service.settle(SettleRequest.of(wo.id()), CASHIER).get(0);
        PluginTender ok = new PluginTender("STORED_VALUE", false);
        PluginTender broke = new PluginTender("COUPON", true);
        service.providers = List.of(ok, broke);
        assertTrue(service.tenderOptions().stream().anyMatch(o -> o.method().equals("COUPON") && o.plugin()));
        String t = txn();
        DmsException e = assertThrows(DmsException.class, () -> service.pay(c.id(), c.version(), List.of(
                new TenderDraft("DEPOSIT", yuan("100"), null, Long.toString(deposit.id())), wechat("50", t),
                new TenderDraft("STORED_VALUE", yuan("100"), null, "card 8"),
                new TenderDraft("COUPON", yuan("89"), null, "C-1")), CASHIER));
        assertEquals("balance.insufficient", code(e));
        assertEquals(ok.taken, ok.cancelled, "what the first plugin took is given back");
        assertEquals(SettlementStatus.OPEN, service.get(c.id()).status());
        assertEquals(0, tenders(c.id()));
        assertEquals(yuan("0.00"), service.ofWorkOrder(wo.id()).get(0).used(), "the deposit is untouched");

        Settlement paid = service.pay(c.id(), c.version(), List.of(
                new TenderDraft("DEPOSIT", yuan("100"), null, Long.toString(deposit.id())), wechat("50", t),
                new TenderDraft("STORED_VALUE", yuan("189"), null, "card 8")), CASHIER);
        assertEquals(SettlementStatus.SETTLED, paid.status(), "the transaction number was not used up");
        assertEquals(yuan("100.00"), service.ofWorkOrder(wo.id()).get(0).used());
    }

    long newCompany(String name) {
        return customers.create(new CustomerDraft(CustomerType.COMPANY, name, null, null, null, List.of(), false,
                null), ADVISOR).id();
    }

    @Test
    void onAccountWithinTheLimitAndOverItOnlyWithTheManager() {
        long company = newCompany("京东物流车队");
        assertEquals("not_company", code(assertThrows(DmsException.class,
                () -> service.save(person, yuan("1000"), 30, null, MANAGER))));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.save(company, yuan("1000"), 30, null, CASHIER)).kind());
        CreditAccount account = service.save(company, yuan("1000"), 30, null, MANAGER);
        Settlement first = service.settle(SettleRequest.of(customerOnly(company, "500").id()), CASHIER).get(0);
        Settlement onAccount = service.pay(first.id(), first.version(),
                List.of(new TenderDraft("ON_ACCOUNT", yuan("565"), null, null)), CASHIER);
        assertEquals(yuan("565.00"), onAccount.onAccount());
        assertEquals(yuan("565.00"), service.ofCustomer(company).balance());

        Settlement second = service.settle(SettleRequest.of(customerOnly(company, "500").id()), CASHIER).get(0);
        DmsException over = assertThrows(DmsException.class, () -> service.pay(second.id(), second.version(),
                List.of(new TenderDraft("ON_ACCOUNT", yuan("565"), null, null)), CASHIER));
        assertEquals("credit.over_limit", code(over));
        bilingual(over);
        assertEquals(yuan("565.00"), service.ofCustomer(company).balance());
        service.pay(second.id(), second.version(), List.of(new TenderDraft("ON_ACCOUNT", yuan("565"), null, null)),
                MANAGER);
        assertEquals(yuan("1130.00"), service.ofCustomer(company).balance());
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_tender WHERE settlement_id = " + second.id()
                + " AND approved_by = 'zhao.manager'"));
        assertTrue(account.version() < service.ofCustomer(company).version());

        Settlement person1 = service.settle(SettleRequest.of(customerOnly(person, "10").id()), CASHIER).get(0);
        assertEquals("credit.no_account", code(assertThrows(DmsException.class, () -> service.pay(person1.id(),
                person1.version(), List.of(new TenderDraft("ON_ACCOUNT", yuan("11.30"), null, null)), CASHIER))));
    }

    // ---------------------------------------------------------------- reversing and settling again

    @Test
    void aReversalByTheManagerRefundsToTheSameTendersAndTheWorkOrderIsSettledAgain() {
        long company = newCompany("首汽租车");
        service.save(company, yuan("100000"), 30, null, MANAGER);
        BigDecimal balanceBefore = service.ofCustomer(company).balance();
        WorkOrder wo = visit(company);
        Deposit deposit = service.take(wo.id(), yuan("50"), "WECHAT", txn(), CASHIER);
        List<Settlement> docs = service.settle(SettleRequest.of(wo.id()), CASHIER);
        Settlement c = doc(docs, Payer.CUSTOMER);
        PluginTender sv = new PluginTender("STORED_VALUE", false);
        service.providers = List.of(sv);
        Settlement paid = service.pay(c.id(), c.version(), List.of(
                new TenderDraft("DEPOSIT", yuan("50"), null, Long.toString(deposit.id())),
                new TenderDraft("ON_ACCOUNT", yuan("100"), null, null),
                new TenderDraft("STORED_VALUE", yuan("20"), null, null),
                cash(c.payable().subtract(yuan("170")).toPlainString(), null)), CASHIER);

        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.reverse(paid.id(), paid.version(), "客户投诉", CASHIER)).kind());
        assertEquals("reason", assertThrows(DmsException.class,
                () -> service.reverse(paid.id(), paid.version(), " ", MANAGER)).violations().get(0).field());
        DmsException paidBlocks = assertThrows(DmsException.class, () -> service.settle(SettleRequest.of(wo.id()),
                CASHIER));
        assertEquals("settlement.paid", code(paidBlocks));

        heard.clear();
        Settlement r = service.reverse(paid.id(), paid.version(), "开错工时，重新结算", MANAGER);
        assertTrue(r.isReversal());
        assertEquals(paid.id(), r.reversalOfId());
        assertEquals(paid.payable().negate(), r.payable());
        assertEquals(paid.net().negate(), r.net());
        assertEquals(List.of("DEPOSIT", "ON_ACCOUNT", "STORED_VALUE", "CASH"),
                r.tenders().stream().map(t -> t.method()).toList());
        assertTrue(r.tenders().stream().allMatch(t -> t.amount().signum() < 0));
        assertEquals("开错工时，重新结算", r.reason());
        assertEquals(SettlementStatus.REVERSED, service.get(paid.id()).status());
        assertEquals(r.id(), service.get(paid.id()).reversedById());
        assertEquals(yuan("0.00"), service.ofWorkOrder(wo.id()).get(0).used(), "the deposit is back");
        assertEquals(balanceBefore, service.ofCustomer(company).balance(), "the credit account is back");
        assertEquals(1, sv.refunded.size());
        assertEquals(r.id(), heard.get(0).settlementId());
        assertTrue(audits(r.id()) > 0);
        assertEquals("settlement.unpaid", service.deliveryRefusals(wo.id()).get(0).code());
        assertEquals("settlement.not_settled", code(assertThrows(DmsException.class,
                () -> service.reverse(paid.id(), service.get(paid.id()).version(), "again", MANAGER))));

        List<Settlement> again = service.settle(SettleRequest.of(wo.id()), CASHIER);
        assertEquals(2, again.get(0).round());
        assertEquals(SettlementStatus.VOID, service.get(doc(docs, Payer.INSURER).id()).status(),
                "the unpaid insurer document of the first round is void");
        Settlement c2 = doc(again, Payer.CUSTOMER);
        service.pay(c2.id(), c2.version(), List.of(cash(c2.payable().toPlainString(), null)), CASHIER);
        assertTrue(service.deliveryRefusals(wo.id()).isEmpty());
        assertEquals(5, service.forWorkOrder(wo.id()).size(), "two bills, a reversal, two bills again: all kept");
    }

    @Test
    void theManagerMayLetTheCarLeaveUnpaidWithAReason() {
        WorkOrder wo = visit(person);
        service.settle(SettleRequest.of(wo.id()), CASHIER);
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> service.allowDeliveryUnpaid(wo.id(), "老客户月底付", CASHIER)).kind());
        assertEquals("reason", assertThrows(DmsException.class,
                () -> service.allowDeliveryUnpaid(wo.id(), "", MANAGER)).violations().get(0).field());
        assertFalse(service.deliveryRefusals(wo.id()).isEmpty());
        List<Long> owedBefore = service.openAfterDelivery().stream().map(Settlement::id).toList();
        service.allowDeliveryUnpaid(wo.id(), "老客户月底付", MANAGER);
        assertTrue(service.deliveryRefusals(wo.id()).isEmpty());
        // the bill stays on the cashier's list of bills to collect until it is paid
        Settlement bill = service.forWorkOrder(wo.id()).get(0);
        assertFalse(owedBefore.contains(bill.id()));
        assertTrue(service.openAfterDelivery().stream().anyMatch(s -> s.id() == bill.id()), "to collect");
        service.pay(bill.id(), bill.version(), List.of(cash(bill.payable().toPlainString(), null)), CASHIER);
        assertFalse(service.openAfterDelivery().stream().anyMatch(s -> s.id() == bill.id()), "paid: off the list");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentPaymentsOfOneDocumentNeverDoubleSettle() throws Exception {
        Settlement c = service.settle(SettleRequest.of(customerOnly(person, "100").id()), CASHIER).get(0);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String t = txn();
            results.add(pool.submit(() -> {
                start.await();
                try {
                    service.pay(c.id(), c.version(), List.of(wechat("13", t), cash("100", "100")), CASHIER);
                    return "paid";
                } catch (DmsException e) {
                    assertEquals(DmsException.Kind.CONFLICT, e.kind(), e.getMessage());
                    return e.violations().get(0).code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter("paid"::equals).count(), outcomes.toString());
        assertEquals(2, tenders(c.id()), "one payment's two tenders");
        Settlement after = service.get(c.id());
        assertEquals(after.payable(), after.paid());
        assertEquals(2, after.version());
    }

    @Test
    void concurrentSettlingBuildsOneLiveSetOfDocuments() throws Exception {
        WorkOrder wo = visit(person);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    service.settle(SettleRequest.of(wo.id()), CASHIER);
                    return "settled";
                } catch (DmsException e) {
                    assertEquals(DmsException.Kind.CONFLICT, e.kind(), e.getMessage());
                    return e.violations().get(0).code();
                }
            }));
        }
        start.countDown();
        for (Future<String> f : results) {
            f.get();
        }
        pool.shutdown();
        List<Settlement> live = service.forWorkOrder(wo.id()).stream()
                .filter(s -> s.status() != SettlementStatus.VOID).toList();
        assertEquals(List.of(Payer.CUSTOMER, Payer.INSURER), live.stream().map(Settlement::payer).toList());
        assertEquals(live.get(0).round(), live.get(1).round());
    }
}
