package org.opendms.invoicing.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.invoicing.api.InvoiceQuery;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.impl.SettledDocuments;

/**
 * The cashier's hot path of invoicing at a busy store's size, through the service on PostgreSQL with a pool of 16
 * connections as in Karaf: a special invoice requested for a settled bill and issued by number (each its own
 * transaction with the audit trail), for a month of 3,000 invoices; then the month's list as the 发票 page and the
 * export read it. Prints p50/p99; not part of the build:
 *
 * <pre>
 * mvn test -pl core-bundles/invoicing/impl -Dtest=InvoiceBenchmark -Ddms.bench=true [-Ddms.bench.runs=3000]
 * </pre>
 */
class InvoiceBenchmark {

    static final Actor CASHIER = new Actor("qian.cashier", Set.of("cashier"), Channel.REST);

    @Test
    void requestsAndIssuesAMonthOfInvoicesAndListsThem() {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        int runs = Integer.getInteger("dms.bench.runs", 3000);
        int warmup = Integer.getInteger("dms.bench.warmup", 100);
        try (TestDatabase db = TestDatabase.postgres().pooled(16)) {
            TestShopClock clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
            var permissions = TestPermissions.of();
            var audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions);
            SettledDocuments desk = new SettledDocuments(db, clock, permissions, audit);
            db.migrate("db/org.opendms.invoicing.impl/changelog.xml");
            JpaInvoices service = new JpaInvoices();
            service.jpa = db.jpa("dms-invoicing");
            service.clock = clock;
            service.permissions = permissions;
            service.audit = audit;
            service.settlements = desk.service();
            long fill = System.nanoTime();
            Settlement[] bills = new Settlement[warmup + runs];
            for (int i = 0; i < bills.length; i++) {
                bills[i] = desk.settled((200 + i % 800) + ".50");
            }
            System.out.printf("invoice benchmark on PostgreSQL: %d settled bills made in %.1f s%n", bills.length,
                    (System.nanoTime() - fill) / 1e9);
            long[] request = new long[runs];
            long[] issue = new long[runs];
            for (int i = -warmup; i < runs; i++) {
                Settlement bill = bills[i + warmup];
                long t0 = System.nanoTime();
                Invoice asked = service.request(new InvoiceDraft(bill.id(), InvoiceKind.SPECIAL, "福州顺达物流有限公司",
                        "91350100M000100Y43", "福州市鼓楼区五四路 88 号", "0591-87654321", "兴业银行福州分行",
                        "117010100100123456", null), CASHIER);
                long t1 = System.nanoTime();
                Invoice issued = service.issue(asked.id(), asked.version(),
                        String.format("2635%016d", i + warmup + 1), LocalDate.of(2026, 12, 2), CASHIER);
                long t2 = System.nanoTime();
                if (issued.invoiceNumber() == null) {
                    throw new AssertionError("not issued: " + issued);
                }
                if (i >= 0) {
                    request[i] = t1 - t0;
                    issue[i] = t2 - t1;
                }
            }
            long[] list = new long[20];
            int rows = 0;
            for (int i = 0; i < list.length; i++) {
                long t0 = System.nanoTime();
                List<Invoice> month = service.list(new InvoiceQuery(LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 31), null, null), CASHIER);
                list[i] = System.nanoTime() - t0;
                rows = month.size();
            }
            System.out.printf("  %d runs after %d warm-up; the month holds %d invoices%n", runs, warmup, rows);
            print("request a special invoice", request);
            print("issue it by number", issue);
            print("list the month (" + rows + " rows)", list);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-40s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, pct(sorted, 50),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
