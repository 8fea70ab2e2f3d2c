package org.opendms.parts.impl.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.purchasing.PartDemand;
import org.opendms.parts.impl.PartsForPurchasingTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestShopClock;

/**
 * What next month's demand forecast of every part of a warehouse costs at a busy store's size. Prints its figures; not
 * part of the build:
 *
 * <pre>
 * mvn test -pl core-bundles/parts/impl -Dtest=DemandBenchmark -Ddms.bench=true -Ddms.test.pg.database=dms_parts_bench
 *     [-Ddms.bench.parts=20000] [-Ddms.bench.issues=2000000]
 * </pre>
 *
 * The ledger gets {@code issues} issue rows of {@code parts} parts over the last two years (set-based SQL, some parts
 * every week, most now and then), then the forecast of the warehouse runs seven times: min/median/max, and how many
 * parts each method won.
 */
class DemandBenchmark {

    static final Actor CLERK = new Actor("bench.parts", Set.of("parts"), Channel.REST);

    private static JpaOrderSuggestions service(PartsForPurchasingTests parts) {
        JpaOrderSuggestions s = new JpaOrderSuggestions();
        s.jpa = parts.jpa();
        s.permissions = parts.permissions();
        s.clock = TestShopClock.system();
        s.catalogue = parts.catalogue();
        s.warehouses = parts.warehouses();
        return s;
    }

    @Test
    void forecastOfEveryPartOfAWarehouse() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        int partCount = Integer.getInteger("dms.bench.parts", 20_000);
        int issues = Integer.getInteger("dms.bench.issues", 2_000_000);
        try (TestDatabase db = TestDatabase.postgres().pooled(4)) {
            PartsForPurchasingTests parts = PartsForPurchasingTests.on(db, TestShopClock.system());
            Warehouse central = parts.warehouses().byCode("ZK").orElseThrow();
            long t0 = System.nanoTime();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("INSERT INTO pt_part (part_no, part_key, name, brand, category, unit, price_retail,"
                        + " tax_rate, batch_tracked, decimal_qty, active, created_at, created_by, updated_at,"
                        + " updated_by, version) SELECT 'DM-' || lpad(g::text, 6, '0'), 'DM' || lpad(g::text, 6, '0'),"
                        + " '配件 ' || g, '原厂', '制动', '个', 100, 0.13, false, false, true, now(), 'bench', now(),"
                        + " 'bench', 1 FROM generate_series(1, " + partCount + ") g");
                long minPart = db.count("SELECT MIN(id) FROM pt_part WHERE part_key LIKE 'DM%'");
                s.execute("INSERT INTO pt_posting (username, posted_at) VALUES ('bench', now())");
                long posting = db.count("SELECT MAX(id) FROM pt_posting WHERE username = 'bench'");
                // part popularity falls off as in a real catalogue: a row picks part (r² × parts), so the first
                // parts move every week and the tail a few times in two years; rows go in in time order, as a
                // ledger is written
                s.execute("INSERT INTO pt_movement (posting_id, movement_type, part_id, warehouse_id, bin_id,"
                        + " quantity, unit_cost, move_value, on_hand_after, avg_cost_after, work_order_id, line_id,"
                        + " username, moved_at) SELECT " + posting + ", 'ISSUE', " + minPart
                        + " + floor(power(random(),"
                        + " 2) * " + partCount + ")::bigint, " + central.id() + ", " + central.defaultBinId() + ", -1 -"
                        + " (g % 3), 20, -20, 0, 20, g, g, 'bench', now() - interval '730 days' * (1 - g::float / "
                        + issues + ") FROM"
                        + " generate_series(1, " + issues + ") g");
                s.execute("SET session_replication_role = origin");
                s.execute("ANALYZE");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            System.out.printf("filled: %,d parts, %,d issue rows over two years in %.1f s%n", partCount,
                    db.count("SELECT COUNT(*) FROM pt_movement"), (System.nanoTime() - t0) / 1e9);

            // the month's first ask computes (a new service each time: nothing cached), later asks read names only
            long[] first = new long[3];
            List<PartDemand> demand = List.of();
            for (int i = 0; i < first.length; i++) {
                JpaOrderSuggestions fresh = service(parts);
                long s0 = System.nanoTime();
                demand = fresh.demand(central.id(), CLERK);
                first[i] = System.nanoTime() - s0;
            }
            Arrays.sort(first);
            JpaOrderSuggestions suggestions = service(parts);
            suggestions.demand(central.id(), CLERK);
            long[] took = new long[7];
            for (int i = 0; i < took.length; i++) {
                long s0 = System.nanoTime();
                demand = suggestions.demand(central.id(), CLERK);
                took[i] = System.nanoTime() - s0;
            }
            Arrays.sort(took);
            System.out.printf("the month's first forecast of %,d parts (24 months each, 12-month backtest, two"
                    + " methods): min %.0f ms, median %.0f ms, max %.0f ms%n", demand.size(), first[0] / 1e6,
                    first[1] / 1e6, first[2] / 1e6);
            System.out.printf("asked again in the month (numbers and names read anew): min %.0f ms, median %.0f ms,"
                    + " max %.0f ms%n", took[0] / 1e6, took[3] / 1e6, took[6] / 1e6);
            Map<String, Long> methods = new TreeMap<>(
                    demand.stream().collect(Collectors.groupingBy(PartDemand::method, Collectors.counting())));
            System.out.printf("methods chosen: %s%n", methods);
            Map<Long, PartDemand> byPart = demand.stream()
                    .collect(Collectors.toMap(PartDemand::partId, Function.identity()));
            assertEquals(demand.size(), byPart.size());
            double meanRelative = demand.stream().filter(d -> d.relativeError() != null)
                    .mapToDouble(d -> d.relativeError().doubleValue()).average().orElse(Double.NaN);
            System.out.printf("mean relative backtest error over the parts with one: %.2f%n", meanRelative);
        }
    }
}
