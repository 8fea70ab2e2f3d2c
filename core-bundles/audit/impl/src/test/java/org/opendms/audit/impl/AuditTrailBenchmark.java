package org.opendms.audit.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.testing.LocalJpaTemplate;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;

/**
 * What the trail costs at dealer-group size, on PostgreSQL: a change (read the row, update two fields, commit) with and
 * without its trail entries, over a trail of {@code -Ddms.bench.rows} entries (default 1,000,000), and the manager's
 * reads (one record's trail, the log searched by person, field and month with its total, the daily purge). Prints its
 * figures; not part of the build:
 *
 * <pre>
 * mvn test -pl core-bundles/audit/impl -Dtest=AuditTrailBenchmark -Ddms.bench=true [-Ddms.bench.rows=1000000]
 * </pre>
 */
class AuditTrailBenchmark {

    static final Actor ADVISOR = new Actor("advisor7", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("manager", Set.of("manager"), Channel.REST);

    @Test
    void aChangeWithItsTrailAgainstWithoutOnAFullTrail() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        int rows = Integer.getInteger("dms.bench.rows", 1_000_000);
        int changes = Integer.getInteger("dms.bench.changes", 2000);
        try (TestDatabase db = TestDatabase.postgres()) {
            db.migrate("db/org.opendms.audit.impl/changelog.xml");
            long t0 = System.nanoTime();
            sql(db, "CREATE TABLE bench_item (id bigint PRIMARY KEY, note varchar(200), price numeric(12,2),"
                    + " version bigint NOT NULL)");
            sql(db, "INSERT INTO bench_item SELECT g, 'note ' || g, 100.00, 0 FROM generate_series(1, 10000) g");
            // a year of entries: 40 people, 8 record types, 200,000 records, 12 fields
            sql(db, "INSERT INTO audit_change (changed_at, actor, channel, record_type, record_id, action, field,"
                    + " old_value, new_value) SELECT TIMESTAMP '2026-01-01' + interval '1 second' * (g::bigint"
                    + " * 31536000 / " + rows
                    + "), 'user' || (g % 40), 'REST', (ARRAY['customer','vehicle','work-order',"
                    + "'appointment','labour-operation','staff','technician-skill','plugin'])[1 + g % 8],"
                    + " (g % 200000)::text, 'CHANGED', (ARRAY['address','note','status','promisedAt',"
                    + "'jobs[1].lines[2].unitPrice','ownerId','name','tags','flatRateHours','advisor','mileageInKm',"
                    + "'mobileMasked'])[1 + g % 12], 'old ' || g, 'new ' || g FROM generate_series(1, " + rows + ") g");
            sql(db, "ANALYZE audit_change");
            System.out.printf("trail filled: %,d entries in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

            LocalJpaTemplate jpa = db.jpa("dms-audit");
            JpaAuditTrail trail = new JpaAuditTrail(jpa, TestShopClock.fixed(Instant.parse("2026-12-01T02:00:00Z")),
                    TestPermissions.of());
            for (int warm = 0; warm < 300; warm++) {
                change(jpa, trail, warm, warm % 2 == 0);
            }
            long[] without = new long[changes];
            long[] with = new long[changes];
            for (int i = 0; i < changes; i++) {
                // interleaved, so both see the same load on the machine
                without[i] = change(jpa, trail, 1000 + i, false);
                with[i] = change(jpa, trail, 5000 + i, true);
            }
            report("change without trail", without);
            report("change with trail (2 fields)", with);
            System.out.printf("trail cost per change: %.2f ms mean%n", (mean(with) - mean(without)) / 1e6);

            long[] one = new long[200];
            for (int i = 0; i < one.length; i++) {
                String id = Integer.toString(i * 997 % 200000);
                long s = System.nanoTime();
                trail.search(AuditQuery.of("customer", id), PageRequest.of(0, 50), MANAGER);
                one[i] = System.nanoTime() - s;
            }
            report("one record's trail (page of 50 with total)", one);
            long[] log = new long[50];
            for (int i = 0; i < log.length; i++) {
                long s = System.nanoTime();
                trail.search(new AuditQuery(null, null, "user" + (i % 40), "address", LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31)), PageRequest.of(0, 50), MANAGER);
                log[i] = System.nanoTime() - s;
            }
            report("log by person + field + month (page of 50 with total)", log);
            long[] byType = new long[20];
            for (int i = 0; i < byType.length; i++) {
                long s = System.nanoTime();
                trail.search(new AuditQuery("work-order", null, null, null, LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 6, 1)), PageRequest.of(i, 50), MANAGER);
                byType[i] = System.nanoTime() - s;
            }
            report("log by type + one day (page of 50 with total)", byType);
            JpaAuditTrail yearOn = new JpaAuditTrail(jpa, TestShopClock.fixed(Instant.parse("2027-02-05T02:00:00Z")),
                    TestPermissions.of());
            long s = System.nanoTime();
            int purged = yearOn.purge();
            System.out.printf("daily purge (400 days kept): %,d entries deleted in %.0f ms%n", purged,
                    (System.nanoTime() - s) / 1e6);
        }
    }

    /** One change of a row: read, update two fields, commit; with its trail entries or not. Returns nanoseconds. */
    private static long change(LocalJpaTemplate jpa, JpaAuditTrail trail, int n, boolean audited) {
        long id = 1 + n % 10000;
        long s = System.nanoTime();
        jpa.tx(em -> {
            Object[] row = (Object[]) em
                    .createNativeQuery("SELECT note, price FROM bench_item WHERE id = ? FOR UPDATE")
                    .setParameter(1, id).getSingleResult();
            String note = "note " + n;
            java.math.BigDecimal price = new java.math.BigDecimal(100 + n % 50).setScale(2);
            em.createNativeQuery("UPDATE bench_item SET note = ?, price = ?, version = version + 1 WHERE id = ?")
                    .setParameter(1, note).setParameter(2, price).setParameter(3, id).executeUpdate();
            if (audited) {
                trail.record(em, ADVISOR, "bench", id, Map.of("note", row[0], "price", row[1]),
                        Map.of("note", note, "price", price));
            }
        });
        return System.nanoTime() - s;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-55s n=%5d  mean %6.2f ms  p50 %6.2f ms  p99 %6.2f ms%n", what, nanos.length,
                mean(nanos) / 1e6, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    private static void sql(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
