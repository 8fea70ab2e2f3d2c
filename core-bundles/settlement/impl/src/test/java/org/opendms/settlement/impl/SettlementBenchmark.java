package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.customer.impl.CustomerArchiveForTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.WorkOrder;

/**
 * Issue 14's speed target, through the service on PostgreSQL: settling a 50-line work order (20 labour, 25 parts, 5
 * fees, a whole-bill discount, handling fee) and paying it with three tenders (WeChat Pay, bank card, cash with
 * change), each in its own transactions with the audit trail, on a pool of 16 connections as in Karaf. Prints p50/p99
 * of settle, of pay and of both; not part of the build:
 *
 * <pre>
 * mvn test -pl core-bundles/settlement/impl -Dtest=SettlementBenchmark -Ddms.bench=true [-Ddms.bench.runs=300]
 * </pre>
 */
class SettlementBenchmark {

    static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);

    @Test
    void settlesAFiftyLineWorkOrderAndTakesThreeTenders() {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        int runs = Integer.getInteger("dms.bench.runs", 300);
        int warmup = Integer.getInteger("dms.bench.warmup", 100);
        try (TestDatabase db = TestDatabase.postgres().pooled(16)) {
            CustomerService customers = CustomerArchiveForTests.on(db);
            db.migrate("db/org.opendms.settlement.impl/changelog.xml");
            JpaSettlements service = new JpaSettlements();
            service.jpa = db.jpa("dms-settlement");
            service.permissions = TestPermissions.of();
            service.clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
            service.audit = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
            FakeWorkOrders workOrders = new FakeWorkOrders();
            service.workOrders = workOrders;
            service.customers = customers;
            service.rules = new Billing.Rules(new BigDecimal("0.10"), new BigDecimal("0.05"),
                    Set.of(Payer.CUSTOMER, Payer.INSURER), new BigDecimal("1.00"));
            long customer = customers.create(new CustomerDraft(CustomerType.PERSON, "李娜", "13712345678", null, null,
                    List.of(), false, null), new Actor("wang.advisor", Set.of("advisor"), Channel.REST)).id();
            List<Object[]> lines = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                LineType type = i < 20 ? LineType.LABOUR : i < 45 ? LineType.PART : LineType.FEE;
                lines.add(FakeWorkOrders.line(type, i < 20 ? "1.5" : "2", (37 + i) + ".33", "0"));
            }
            long[] settle = new long[runs];
            long[] pay = new long[runs];
            long[] both = new long[runs];
            for (int i = -warmup; i < runs; i++) {
                WorkOrder wo = workOrders.completed(customer,
                        FakeWorkOrders.job(PayType.CUSTOMER, lines.toArray(new Object[0][])));
                long t0 = System.nanoTime();
                Settlement s = service.settle(new SettleRequest(wo.id(), null, null,
                        java.util.Map.of(Payer.CUSTOMER, new BigDecimal("88.88")), null, null), CASHIER).get(0);
                long t1 = System.nanoTime();
                BigDecimal rest = s.payable().subtract(new BigDecimal("1500.00"));
                Settlement paid = service.pay(s.id(), s.version(), List.of(
                        new TenderDraft("WECHAT", new BigDecimal("1000.00"), null, "4200bench" + i + "x" + t0),
                        new TenderDraft("BANK_CARD", new BigDecimal("500.00"), null, "slip " + i),
                        new TenderDraft("CASH", rest, rest.add(new BigDecimal("100")), null)), CASHIER);
                long t2 = System.nanoTime();
                if (paid.status() != SettlementStatus.SETTLED || s.lines().size() != 51) {
                    throw new AssertionError("not settled: " + paid);
                }
                if (i >= 0) {
                    settle[i] = t1 - t0;
                    pay[i] = t2 - t1;
                    both[i] = t2 - t0;
                }
            }
            System.out.printf("settlement benchmark on PostgreSQL, %d runs after %d warm-up, 50 lines + handling fee,"
                    + " 3 tenders%n", runs, warmup);
            print("settle (build 1 document, 51 lines)", settle);
            print("pay (WeChat + card + cash)", pay);
            print("settle + pay", both);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-40s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, pct(sorted, 50), pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
