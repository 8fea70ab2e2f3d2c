package org.opendms.platform.api.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Has PostgreSQL plan the rest of the current transaction's statements for the values they are given. After a few
 * runs of one prepared statement PostgreSQL may keep a generic plan, made without the values. For a search whose
 * conditions are joined by OR ({@code name LIKE '%…%' OR mobile LIKE '%1234' OR id IN (…)}, newest first) that plan
 * walks the table backwards by its key, filtering every row, instead of asking the indexes of the conditions: at
 * 300,000 customers 15 ms instead of 0.7 ms for a tail held by 300 of them, and a tail held by 30 is read from most
 * of the table. Planning each time costs a fraction of a millisecond, and a pattern's estimate is coarse (one of
 * a hundred histogram buckets), so use it where the generic plan was seen to go wrong, not for every search. Other
 * databases keep their own ways (embedded Derby compiles once per statement text).
 */
public final class PlanPerSearch {

    private PlanPerSearch() {
    }

    /** Inside a transaction of {@code em}: on PostgreSQL, custom plans until it ends; elsewhere nothing. */
    public static void forThisTransaction(EntityManager em) {
        set(em, "SET LOCAL plan_cache_mode = force_custom_plan");
    }

    /**
     * As {@link #forThisTransaction}, for a text known to match few rows (four digits or more of a plate or a
     * mobile: at most a few hundred of a million), and no walk of the table by its key either. A pattern's estimate
     * comes from a hundred histogram buckets: one bucket holding the digits makes it 1 % of the table, and PostgreSQL
     * then reads newest first, filtering, to find 20 of what are really 200 (25–60 ms at a million vehicles instead
     * of 1–5 ms from the trigram index). Not for short or common text, where that walk is the right plan.
     */
    public static void fewMatches(EntityManager em) {
        set(em, "SET LOCAL plan_cache_mode = force_custom_plan", "SET LOCAL enable_indexscan = off");
    }

    private static void set(EntityManager em, String... settings) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            return; // outside a transaction: nothing to scope the setting to
        }
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute(String.join("; ", settings)); // one round trip
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not ask the database to plan the search for its text", e);
        }
    }
}
