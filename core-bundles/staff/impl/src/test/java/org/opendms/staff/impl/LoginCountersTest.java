package org.opendms.staff.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginCountersTest {

    private static final LoginCounters.Policy POLICY = new LoginCounters.Policy(3, Duration.ofSeconds(2),
            Duration.ofSeconds(60), 10, Duration.ofMinutes(15), Duration.ofMinutes(60));
    private static final LoginCounters.Policy LOCK_AT_ONCE = new LoginCounters.Policy(0, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1, Duration.ofMinutes(15), Duration.ofMinutes(60));
    private final Instant t0 = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void theFirstFailuresPassThenEachWaitsTwiceAsLongThenTheLoginLocks() {
        LoginCounters c = new LoginCounters();
        Instant now = t0;
        for (int i = 1; i <= 2; i++) {
            assertNull(c.failed("admin", now, POLICY).until());
            assertNull(c.held("admin", now));
        }
        long[] waits = { 2, 4, 8, 16, 32, 60, 60 };
        for (long wait : waits) {
            LoginCounters.State s = c.failed("admin", now, POLICY);
            assertFalse(s.locked());
            assertEquals(now.plusSeconds(wait), s.until());
            assertNotNull(c.held("admin", now.plusSeconds(wait - 1)));
            now = now.plusSeconds(wait);
            assertNull(c.held("admin", now));
        }
        LoginCounters.State locked = c.failed("admin", now, POLICY); // the tenth
        assertTrue(locked.locked());
        assertEquals(now, locked.lastFailure());
        assertEquals(now.plus(Duration.ofMinutes(15)), locked.until());
        LoginCounters.State held = c.held("admin", now.plus(Duration.ofMinutes(14)));
        assertTrue(held.locked());
        assertEquals(1, held.refused());
        // after the lock, the next failure is slowed down at once
        Instant after = now.plus(Duration.ofMinutes(15));
        assertNull(c.held("admin", after));
        assertNotNull(c.failed("admin", after, POLICY).until());
    }

    @Test
    void successForgetsTheLoginsFailuresAndOldFailuresAreForgottenAnyway() {
        LoginCounters c = new LoginCounters();
        c.failed("li", t0, POLICY);
        c.failed("li", t0, POLICY);
        c.succeeded("li");
        assertNull(c.failed("li", t0, POLICY).until());
        c.failed("li", t0, POLICY);
        assertNull(c.failed("li", t0.plus(Duration.ofMinutes(61)), POLICY).until());
    }

    @Test
    void keysIgnoreCaseAndSpacesAndAreCut() {
        assertEquals("admin", LoginCounters.key(" Admin "));
        assertEquals(64, LoginCounters.key("x".repeat(5000)).length());
    }

    @Test
    void aFloodOfInventedLoginsDoesNotGrowWithoutBoundAndKeepsTheLocked() {
        LoginCounters c = new LoginCounters();
        c.failed("victim", t0, LOCK_AT_ONCE);
        for (int i = 0; i < LoginCounters.MAX_KEYS * 2; i++) {
            c.failed("invented" + i, t0, POLICY);
        }
        assertTrue(c.size() <= LoginCounters.MAX_KEYS, c.size() + " keys");
        assertNotNull(c.held("victim", t0));
    }

    @Test
    void clearingLiftsALock() {
        LoginCounters c = new LoginCounters();
        c.failed("admin", t0, LOCK_AT_ONCE);
        assertNotNull(c.clear("admin"));
        assertNull(c.held("admin", t0));
    }
}
