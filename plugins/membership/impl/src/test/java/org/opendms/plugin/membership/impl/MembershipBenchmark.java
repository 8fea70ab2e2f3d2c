package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.plugin.membership.api.Authorisation;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Liability;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.TierBenefit;
import org.opendms.plugin.membership.api.TopUpRequest;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.TenderDraft;

/**
 * What membership costs at a dealer group's size. Prints its figures; not part of the build:
 *
 * <pre>
 * mvn test -pl plugins/membership/impl -Dtest=MembershipBenchmark -Ddms.bench=true -Ddms.test.pg.database=dms_member_bench
 *     [-Ddms.bench.members=300000] [-Ddms.bench.entries=3000000] [-Ddms.bench.payments=300]
 * </pre>
 *
 * PostgreSQL is filled by set-based SQL with {@code members} members, their balances and points rows, and
 * {@code entries} stored-value and as many points ledger rows over two years; then, through the real services on a
 * pool of 16 connections as in Karaf: a member's PIN authorisation, the cashier's payment of a bill with stored value
 * (the settlement's pay with the plugin's take, and the points the settled bill earns), one after another; and the
 * liability of a day over the whole ledger.
 */
class MembershipBenchmark {

    @Test
    void paymentsWithStoredValueAndTheLiabilityAtGroupSize() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dms.bench"), "run with -Ddms.bench=true");
        int members = Integer.getInteger("dms.bench.members", 300_000);
        int entries = Integer.getInteger("dms.bench.entries", 3_000_000);
        int payments = Integer.getInteger("dms.bench.payments", 300);
        PluginOnDatabase on = new PluginOnDatabase(TestDatabase.postgres().pooled(16), new MembershipListener() {
        });
        try {
            on.documents.tenders(List.of(on.storedValue, on.pointsTender, on.countCard));
            long t0 = System.nanoTime();
            try (Connection c = on.db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("INSERT INTO mem_member (customer_id, member_no, tier, joined_at, consent_at, consent_by,"
                        + " consent_channel, pin_failures, active, version) SELECT 10000000 + g, 'B' || lpad(g::text, 8,"
                        + " '0'), 'STANDARD', now(), now(), 'bench', 'COUNTER', 0, true, 0 FROM generate_series(1, "
                        + members + ") g");
                s.execute("INSERT INTO mem_balance (member_id, principal, bonus, version) SELECT id, 500, 50, 0 FROM"
                        + " mem_member WHERE consent_by = 'bench'");
                s.execute("INSERT INTO mem_points_balance (member_id, points, version) SELECT id, 1000, 0 FROM"
                        + " mem_member WHERE consent_by = 'bench'");
                long first = on.db.count("SELECT MIN(id) FROM mem_member WHERE consent_by = 'bench'");
                s.execute("INSERT INTO mem_sv_entry (member_id, kind, principal, bonus, principal_after, bonus_after,"
                        + " entered_at, entered_by) SELECT " + first + " + (g % " + members + "), CASE WHEN g % 4 = 0"
                        + " THEN 'TOP_UP' ELSE 'PAYMENT' END, CASE WHEN g % 4 = 0 THEN 500 ELSE -100 END, CASE WHEN"
                        + " g % 4 = 0 THEN 50 ELSE -10 END, 500, 50, now() - interval '730 days' * (1 - g::float / "
                        + entries + "), 'bench' FROM generate_series(1, " + entries + ") g");
                s.execute("INSERT INTO mem_points_entry (member_id, kind, points, balance_after, expires_on,"
                        + " entered_at, entered_by) SELECT " + first + " + (g % " + members + "), 'EARN', 100, 1000,"
                        + " current_date + (g % 700), now() - interval '730 days' * (1 - g::float / " + entries
                        + "), 'bench' FROM generate_series(1, " + entries + ") g");
                s.execute("SET session_replication_role = origin");
                s.execute("ANALYZE");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            System.out.printf("filled: %,d members, %,d stored-value and %,d points ledger rows in %.1f s%n",
                    on.db.count("SELECT COUNT(*) FROM mem_member"), on.db.count("SELECT COUNT(*) FROM mem_sv_entry"),
                    on.db.count("SELECT COUNT(*) FROM mem_points_entry"), (System.nanoTime() - t0) / 1e9);

            Member m = on.membership.join(new JoinRequest(on.documents.customer(), true, "COUNTER", "246810"),
                    MembershipContract.ADVISOR);
            on.membership.topUp(m.id(), new TopUpRequest(new BigDecimal("100000"), BigDecimal.ZERO, "CASH", null),
                    MembershipContract.CASHIER);
            long[] authorise = new long[payments];
            long[] pay = new long[payments];
            for (int i = 0; i < payments + 20; i++) {
                Settlement bill = on.documents.open("100");
                long a0 = System.nanoTime();
                Authorisation code = on.membership.authorise(m.id(), "246810", bill.payable(),
                        MembershipContract.CASHIER);
                long a1 = System.nanoTime();
                Settlement paid = on.documents.service().pay(bill.id(), bill.version(), List.of(new TenderDraft(
                        "STORED_VALUE", bill.payable(), null, code.code())), MembershipContract.CASHIER);
                long a2 = System.nanoTime();
                assertEquals("SETTLED", paid.status().name());
                if (i >= 20) { // the first twenty warm the JIT and the pool
                    authorise[i - 20] = a1 - a0;
                    pay[i - 20] = a2 - a1;
                }
            }
            Arrays.sort(authorise);
            Arrays.sort(pay);
            System.out.printf("PIN authorisation (PBKDF2, 60,000 rounds): p50 %.1f ms, p99 %.1f ms%n",
                    pct(authorise, 50), pct(authorise, 99));
            System.out.printf("paying a bill with stored value (settlement pay + the plugin's take, points earned"
                    + " after): p50 %.1f ms, p99 %.1f ms, %d payments%n", pct(pay, 50), pct(pay, 99), payments);
            // a GOLD member's bill: the settlement asks the plugin for the tier's benefit while building it
            on.tiers.setBenefit(new TierBenefit("GOLD", BigDecimal.TEN, new BigDecimal("5"), null, null, 0),
                    on.tiers.benefits(MembershipContract.MANAGER).stream().filter(b -> b.tier().equals("GOLD"))
                            .findFirst().orElseThrow().version(),
                    MembershipContract.MANAGER);
            on.tiers.buy(m.id(), "GOLD", "CASH", null, MembershipContract.CASHIER);
            long[] settle = new long[payments];
            for (int i = 0; i < payments + 20; i++) {
                long s0 = System.nanoTime();
                Settlement bill = on.documents.open("100");
                long s1 = System.nanoTime();
                assertEquals(1, bill.benefits().size());
                if (i >= 20) {
                    settle[i - 20] = s1 - s0;
                }
            }
            Arrays.sort(settle);
            System.out
                    .printf("settling a GOLD member's bill (the tier's 10 %% off labour asked of the plugin): p50 %.1f"
                            + " ms, p99 %.1f ms%n", pct(settle, 50), pct(settle, 99));
            long d0 = System.nanoTime();
            int desk = on.takings.takings(MembershipContract.CASHIER.username(), on.clock.today()).size();
            System.out
                    .printf("the cashier's takings at the desk for the cash-up (%d tenders) over %,d ledger rows: %.1f"
                            + " ms%n", desk, entries, (System.nanoTime() - d0) / 1e6);
            // today from the balances; a day a month ago from the ledger
            for (LocalDate day : List.of(on.clock.today(), on.clock.today().minusDays(30))) {
                long l0 = System.nanoTime();
                Liability l = on.membership.liability(day, MembershipContract.MANAGER);
                System.out.printf("liability of %s over %,d ledger rows: %.0f ms (principal %s, bonus %s, %,d"
                        + " members)%n", day, entries, (System.nanoTime() - l0) / 1e6, l.principal(), l.bonus(),
                        l.members());
            }
        } finally {
            on.db.close();
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
