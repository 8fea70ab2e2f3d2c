package org.opendms.parts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;

/**
 * What stock costs at dealer-group size. Prints its figures; not part of the build:
 *
 * <pre>
 * mvn test -pl core-bundles/parts/impl -Dtest=PartsBenchmark -Ddms.bench=true -Ddms.test.pg.database=dms_parts_bench
 *     [-Ddms.bench.ops=10000] [-Ddms.bench.parts=100000] [-Ddms.bench.movements=5000000] [-Ddms.bench.db=derby]
 * </pre>
 *
 * <ol>
 * <li>16 clerks issue one part to work-order lines and take one back, 10,000 postings in all, on one part with less on
 * the shelf than clerks asking: throughput, refusals, on hand never below 0 and the ledger summing to on hand.</li>
 * <li>Stock of a part by number (typed another way than stored) through the service, at 100,000 parts and 5,000,000
 * ledger rows on PostgreSQL: p50/p99. The rows are made with set-based SQL.</li>
 * </ol>
 * Both through a pool of 16 connections, as pax-jdbc gives the services in Karaf.
 */
class PartsBenchmark {

    static final Actor CLERK = new Actor("bench.parts", Set.of("parts"), Channel.REST);
    static final Actor MANAGER = new Actor("bench.manager", Set.of("manager"), Channel.REST);

    @Test
    void sixteenClerksIssueAndReturnOnePartThenStockByNumberAtGroupSize() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        boolean derby = "derby".equals(System.getProperty("dms.bench.db"));
        try (TestDatabase db = (derby ? TestDatabase.derby() : TestDatabase.postgres()).pooled(16)) {
            PartsServicesForTests parts = PartsServicesForTests.on(db, TestShopClock.system());
            Warehouse central = parts.warehouses().byCode("ZK").orElseThrow();
            Warehouse shop = parts.warehouses().create("MD01", "门店库", WarehouseKind.SHOP, CLERK);
            concurrentIssuesAndReturns(db, parts, central);
            if (!derby) {
                stockByNumberAtGroupSize(db, parts, central, shop);
            }
        }
    }

    private static void concurrentIssuesAndReturns(TestDatabase db, PartsServicesForTests parts, Warehouse central)
            throws Exception {
        int ops = Integer.getInteger("dms.bench.ops", 10_000);
        int threads = 16;
        Part p = parts.catalogue().add(PartDraft.of("06L 115 562 B", "机油滤清器", "个", "45"), CLERK);
        parts.ledger().post(MovementDraft.receipt(p.id(), central.id(), null, new BigDecimal("10"),
                new BigDecimal("20.00"), "PO-BENCH"), CLERK);
        // warm up: EclipseLink's queries prepared, the JIT at work
        for (int i = 0; i < 100; i++) {
            parts.ledger().post(MovementDraft.issue(p.id(), central.id(), null, BigDecimal.ONE, 1, 1), CLERK);
            parts.ledger().post(MovementDraft.returned(p.id(), central.id(), null, BigDecimal.ONE, 1, 1, null),
                    CLERK);
        }
        AtomicInteger left = new AtomicInteger(ops);
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger returned = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong line = new AtomicLong(10);
        long[][] latencies = new long[threads][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                long[] mine = new long[ops];
                int n = 0;
                start.await();
                List<Long> held = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    // a clerk holding a part returns it half of the time, otherwise issues another one
                    if (!held.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                        long l = held.remove(held.size() - 1);
                        parts.ledger().post(MovementDraft.returned(p.id(), central.id(), null, BigDecimal.ONE,
                                2, l, null), CLERK);
                        returned.incrementAndGet();
                    } else {
                        long l = line.incrementAndGet();
                        try {
                            parts.ledger().post(MovementDraft.issue(p.id(), central.id(), null, BigDecimal.ONE, 2, l),
                                    CLERK);
                            held.add(l);
                            issued.incrementAndGet();
                        } catch (DmsException e) {
                            refused.incrementAndGet();
                        }
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                latencies[thread] = Arrays.copyOf(mine, n);
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        BigDecimal onHand = parts.stock().ofPart(p.id(), MANAGER).onHand();
        BigDecimal ledger = sum(db, "SELECT SUM(quantity) FROM pt_movement WHERE part_id = " + p.id());
        long negative = db.count("SELECT COUNT(*) FROM pt_movement WHERE on_hand_after < 0");
        System.out.printf("%s: %,d postings from %d threads in %.1f s: %.0f postings/s (issues %,d, returns %,d,"
                + " refused for lack of stock %,d); latency p50 %.1f ms, p99 %.1f ms%n", db.kind(), all.length,
                threads, seconds, all.length / seconds, issued.get(), returned.get(), refused.get(),
                pct(all, 50), pct(all, 99));
        System.out.printf("on hand %s, ledger sum %s, ledger rows below 0: %d%n", onHand.toPlainString(),
                ledger.toPlainString(), negative);
        assertEquals(0, negative);
        assertEquals(0, onHand.compareTo(ledger), "the ledger sums to on hand");
        assertEquals(new BigDecimal("10.00").subtract(new BigDecimal(issued.get() - returned.get())), onHand);
        assertTrue(onHand.signum() >= 0);
    }

    private static void stockByNumberAtGroupSize(TestDatabase db, PartsServicesForTests parts, Warehouse central,
            Warehouse shop) throws Exception {
        int partCount = Integer.getInteger("dms.bench.parts", 100_000);
        int movements = Integer.getInteger("dms.bench.movements", 5_000_000);
        long t0 = System.nanoTime();
        long bin1 = central.defaultBinId();
        long bin2 = shop.defaultBinId();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // bulk load: no foreign-key or trigger checks while the rows go in, indexes built afterwards
            s.execute("SET session_replication_role = replica");
            for (String ix : List.of("ix_pt_movement_part", "ix_pt_movement_line", "ix_pt_movement_warehouse",
                    "ix_pt_movement_posting", "ix_pt_movement_moved_at")) {
                s.execute("DROP INDEX " + ix);
            }
            s.execute("INSERT INTO pt_part (part_no, part_key, name, brand, category, unit, price_retail, tax_rate,"
                    + " batch_tracked, decimal_qty, active, created_at, created_by, updated_at, updated_by, version)"
                    + " SELECT 'BP-' || lpad(g::text, 7, '0') || '-X', 'BP' || lpad(g::text, 7, '0') || 'X',"
                    + " '配件 ' || g, (ARRAY['原厂','博世','马勒','NGK'])[1 + g % 4], (ARRAY['滤清器','制动','油品',"
                    + "'电气','车身'])[1 + g % 5], '个', 10 + g % 500, 0.13, false, false, true, now(), 'bench', now(),"
                    + " 'bench', 1 FROM generate_series(1, " + partCount + ") g");
            long minPart = db.count("SELECT MIN(id) FROM pt_part WHERE part_key LIKE 'BP%'");
            int postings = movements / 5;
            s.execute("INSERT INTO pt_posting (username, posted_at) SELECT 'bench', TIMESTAMP '2024-01-01'"
                    + " + interval '1 minute' * g FROM generate_series(1, " + postings + ") g");
            long minPosting = db.count("SELECT MIN(id) FROM pt_posting WHERE username = 'bench'");
            // two in three rows receive 5, one in three issues 2 to a work order: every part's sum stays above 0
            s.execute("INSERT INTO pt_movement (posting_id, movement_type, part_id, warehouse_id, bin_id, quantity,"
                    + " unit_cost, move_value, on_hand_after, avg_cost_after, work_order_id, line_id, username,"
                    + " moved_at) SELECT " + minPosting + " + (g - 1) / 5, CASE WHEN g % 3 = 0 THEN 'ISSUE' ELSE"
                    + " 'RECEIPT' END, " + minPart + " + (g % " + partCount + "), CASE WHEN g % 7 = 0 THEN "
                    + shop.id() + " ELSE " + central.id() + " END, CASE WHEN g % 7 = 0 THEN " + bin2 + " ELSE "
                    + bin1 + " END, CASE WHEN g % 3 = 0 THEN -2 ELSE 5 END, 20.0000, CASE WHEN g % 3 = 0 THEN -40"
                    + " ELSE 100 END, 0, 20.0000, CASE WHEN g % 3 = 0 THEN g / 3 END, CASE WHEN g % 3 = 0 THEN g"
                    + " END, 'bench', TIMESTAMP '2024-01-01' + interval '1 second' * (g * 12) FROM"
                    + " generate_series(1, " + movements + ") g");
            s.execute("INSERT INTO pt_stock (part_id, warehouse_id, on_hand, reserved, in_transit, avg_cost,"
                    + " last_movement_at, version) SELECT part_id, warehouse_id, GREATEST(SUM(quantity), 0), 0, 0,"
                    + " 20.0000, MAX(moved_at), 0 FROM pt_movement WHERE username = 'bench' GROUP BY part_id,"
                    + " warehouse_id");
            s.execute("INSERT INTO pt_bin_stock (part_id, warehouse_id, bin_id, on_hand) SELECT part_id, warehouse_id,"
                    + " CASE WHEN warehouse_id = " + shop.id() + " THEN " + bin2 + " ELSE " + bin1 + " END, on_hand"
                    + " FROM pt_stock WHERE part_id >= " + minPart);
            s.execute("CREATE INDEX ix_pt_movement_part ON pt_movement (part_id, id)");
            s.execute("CREATE INDEX ix_pt_movement_line ON pt_movement (work_order_id, line_id)");
            s.execute("CREATE INDEX ix_pt_movement_warehouse ON pt_movement (warehouse_id, id)");
            s.execute("CREATE INDEX ix_pt_movement_posting ON pt_movement (posting_id)");
            s.execute("CREATE INDEX ix_pt_movement_moved_at ON pt_movement (moved_at)");
            s.execute("SET session_replication_role = origin");
            s.execute("ANALYZE");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        System.out.printf("filled: %,d parts, %,d ledger rows, %,d stock rows in %.1f s%n",
                db.count("SELECT COUNT(*) FROM pt_part"), db.count("SELECT COUNT(*) FROM pt_movement"),
                db.count("SELECT COUNT(*) FROM pt_stock"), (System.nanoTime() - t0) / 1e9);

        int lookups = Integer.getInteger("dms.bench.lookups", 20_000);
        for (int i = 0; i < 2000; i++) {
            stockOf(parts, 1 + ThreadLocalRandom.current().nextInt(partCount));
        }
        long[] took = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            int n = 1 + ThreadLocalRandom.current().nextInt(partCount);
            long s0 = System.nanoTime();
            PartStock stock = stockOf(parts, n);
            took[i] = System.nanoTime() - s0;
            assertTrue(stock.onHand().signum() >= 0);
        }
        Arrays.sort(took);
        System.out.printf("stock of a part by number (typed 'bp %07d x', stored 'BP-%07d-X'), %,d lookups one after"
                + " another through the service: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", 1, 1, lookups,
                pct(took, 50), pct(took, 99), took[took.length - 1] / 1e6);
        // the same ask as the ledger would answer it if it were summed at read time, for comparison
        long s0 = System.nanoTime();
        sum(db, "SELECT SUM(quantity) FROM pt_movement WHERE part_id = (SELECT id FROM pt_part WHERE part_key = 'BP"
                + String.format("%07d", partCount / 2) + "X')");
        System.out.printf("(for comparison: summing one part's ledger rows in SQL took %.2f ms)%n",
                (System.nanoTime() - s0) / 1e6);
    }

    private static PartStock stockOf(PartsServicesForTests parts, int n) {
        String typed = String.format("bp %07d x", n); // lower case and spaces: the key finds it
        return parts.stock().ofPartNumber(typed, MANAGER).orElseThrow();
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static BigDecimal sum(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            BigDecimal v = r.getBigDecimal(1);
            return v == null ? BigDecimal.ZERO : v.setScale(2);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
