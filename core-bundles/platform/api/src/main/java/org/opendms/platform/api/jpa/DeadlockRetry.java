package org.opendms.platform.api.jpa;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write again when the database broke it off to resolve a deadlock, a serialization failure or a lock
 * timeout: such a transaction was rolled back and changed nothing, so running it again is safe. Wrap the whole
 * transaction (the outermost {@code jpa.txExpr}), never a call inside one.
 *
 * <pre>
 * return DeadlockRetry.write(() -&gt; jpa.txExpr(em -&gt; { ... }));
 * </pre>
 */
public final class DeadlockRetry {

    /** How many times a write is tried in all. */
    public static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DeadlockRetry.class);

    private DeadlockRetry() {
    }

    /** Runs the write, up to {@value #ATTEMPTS} times while it fails as {@link #isDeadlock a deadlock victim}. */
    public static <T> T write(Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("Deadlock victim, attempt {} of {}: {}", attempt, ATTEMPTS, e.toString());
            }
        }
    }

    /** The same for a write without a result. */
    public static void run(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    /**
     * True when the database chose this transaction as a victim: SQLState 40001 (serialization failure; Derby's
     * deadlock), 40P01 (PostgreSQL's deadlock), 40XL1/40XL2 (Derby's lock timeout), anywhere in the causes.
     */
    public static boolean isDeadlock(Throwable failure) {
        return hasState(failure, "40001") || hasState(failure, "40P01") || hasState(failure, "40XL1")
                || hasState(failure, "40XL2");
    }

    /** True when an SQLException with this SQLState is among the causes (or their next exceptions). */
    public static boolean hasState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException x = sql; x != null; x = x.getNextException()) {
                    if (sqlState.equals(x.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
