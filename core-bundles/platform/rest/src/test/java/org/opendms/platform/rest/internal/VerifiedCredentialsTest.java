package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The HTTP Basic credential cache on a clock the test moves. */
class VerifiedCredentialsTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final VerifiedCredentials cache = new VerifiedCredentials(now::get, 60, 100);
    private final VerifiedCredentials.Verified advisor = new VerifiedCredentials.Verified("advisor", Set.of("advisor"));

    private void put(String user, String password) {
        cache.put(user, password, new VerifiedCredentials.Verified(user, Set.of("advisor")), cache.generation());
    }

    @Test
    void onlyTheSamePasswordIsRecognised() {
        cache.put("advisor", "demo", advisor, cache.generation());
        assertEquals(advisor, cache.find("advisor", "demo"));
        assertNull(cache.find("advisor", "Demo"));
        assertNull(cache.find("advisor", "demo "));
        assertNull(cache.find("advisor", ""));
        assertNull(cache.find("technician", "demo"));
        assertEquals(advisor, cache.find("advisor", "demo"), "a wrong password does not evict the right one");
    }

    @Test
    void trustEndsAfterTheTtl() {
        put("advisor", "demo");
        now.addAndGet(60 * SECOND);
        assertNotNull(cache.find("advisor", "demo"));
        now.addAndGet(1);
        assertNull(cache.find("advisor", "demo"));
        assertEquals(0, cache.size());
    }

    @Test
    void anAccountChangeForgetsThatLoginAtOnce() {
        put("advisor", "demo");
        put("technician", "demo");
        cache.forget("advisor");
        assertNull(cache.find("advisor", "demo"));
        assertNotNull(cache.find("technician", "demo"));
    }

    @Test
    void aVerificationThatRacedAnAccountChangeIsNotKept() {
        long seen = cache.generation();
        cache.forget("advisor"); // the admin disabled the account while the realm was checking the password
        cache.put("advisor", "demo", advisor, seen);
        assertNull(cache.find("advisor", "demo"));
    }

    @Test
    void zeroTtlKeepsNothingAndANewTtlForgetsEverything() {
        put("advisor", "demo");
        cache.ttl(30);
        assertNull(cache.find("advisor", "demo"), "the realm may have changed with the configuration");
        cache.ttl(0);
        put("advisor", "demo");
        assertNull(cache.find("advisor", "demo"));
    }

    @Test
    void aFloodOfUsersStaysWithinTheBound() {
        for (int i = 0; i < 1000; i++) {
            now.addAndGet(1000);
            put("user" + i, "pw" + i);
            assertTrue(cache.size() <= 100, "at " + i + ": " + cache.size());
        }
        assertNotNull(cache.find("user999", "pw999"), "the newest stay");
        assertNull(cache.find("user0", "pw0"));
    }

    @Test
    void threadsShareTheCacheSafely() throws Exception {
        put("advisor", "demo");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] runs = new Future<?>[4];
            for (int t = 0; t < 4; t++) {
                runs[t] = pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (cache.find("advisor", i % 2 == 0 ? "demo" : "wrong" + i) == null && i % 2 == 0) {
                            throw new AssertionError("the right password was not recognised");
                        }
                    }
                });
            }
            for (Future<?> f : runs) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
