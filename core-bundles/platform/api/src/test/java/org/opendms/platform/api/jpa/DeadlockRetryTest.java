package org.opendms.platform.api.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DeadlockRetryTest {

    /** What EclipseLink throws for a victim: the driver's SQLException a few causes down. */
    private static PersistenceException victim(String sqlState) {
        SQLException sql = new SQLException("deadlock detected", sqlState);
        return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException("wrapped", sql));
    }

    @Test
    void aDeadlockVictimIsRunAgainAndItsSecondRunCounts() {
        AtomicInteger runs = new AtomicInteger();
        String result = DeadlockRetry.write(() -> {
            if (runs.incrementAndGet() == 1) {
                throw victim("40P01");
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(2, runs.get());
    }

    @Test
    void givesUpAfterThreeVictimsWithTheDatabasesFailure() {
        AtomicInteger runs = new AtomicInteger();
        PersistenceException last = victim("40001");
        PersistenceException thrown = assertThrows(PersistenceException.class, () -> DeadlockRetry.run(() -> {
            runs.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(DeadlockRetry.ATTEMPTS, runs.get());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PersistenceException.class, () -> DeadlockRetry.run(() -> {
            runs.incrementAndGet();
            throw victim("23505");
        }));
        assertEquals(1, runs.get());
    }

    @Test
    void knowsPostgresAndDerbyVictimsIncludingDerbysLockTimeoutAndChainedExceptions() {
        assertTrue(DeadlockRetry.isDeadlock(victim("40P01")));
        assertTrue(DeadlockRetry.isDeadlock(victim("40001")));
        assertTrue(DeadlockRetry.isDeadlock(victim("40XL1")));
        SQLException batch = new SQLException("batch failed", "XJ208");
        batch.setNextException(new SQLException("deadlock", "40001"));
        assertTrue(DeadlockRetry.isDeadlock(new PersistenceException(batch)));
        assertFalse(DeadlockRetry.isDeadlock(victim("23505")));
        assertFalse(DeadlockRetry.isDeadlock(new IllegalStateException("no database here")));
    }
}
