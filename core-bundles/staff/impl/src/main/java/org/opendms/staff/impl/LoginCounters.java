package org.opendms.staff.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per key (a login or an address), in memory: after {@code slowDownAfter} failures each next
 * attempt waits a delay that doubles with every further failure, after {@code lockAfter} the key is locked for a while.
 * Reading is lock-free, so asking on every request costs a map lookup. At most {@value #MAX_KEYS} keys are kept: a
 * flood of invented logins cannot fill the memory (the ones not held back go first).
 */
final class LoginCounters {

    static final int MAX_KEYS = 10_000;

    record Policy(int slowDownAfter, Duration delay, Duration maxDelay, int lockAfter, Duration lock,
            Duration forgetAfter) {
    }

    /** A key's count; {@code until} is when attempts are taken again (null: not held back). */
    record State(int failures, Instant lastFailure, Instant until, boolean locked, int refused) {
        boolean heldAt(Instant now) {
            return until != null && until.isAfter(now);
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    static String key(String value) {
        String k = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }

    /** The state of a key held back now (and counts the refused attempt), or null. */
    State held(String key, Instant now) {
        State s = states.get(key);
        if (s == null || !s.heldAt(now)) {
            return null;
        }
        return states.computeIfPresent(key, (k, old) -> old.heldAt(now)
                ? new State(old.failures, old.lastFailure, old.until, old.locked, old.refused + 1) : old);
    }

    /** Counts a failure; returns the new state (locked, with {@code lastFailure == now}, when this one locked it). */
    State failed(String key, Instant now, Policy p) {
        if (states.size() >= MAX_KEYS) {
            trim(now, p);
        }
        return states.compute(key, (k, old) -> {
            boolean fresh = old == null
                    || !old.heldAt(now) && old.lastFailure.plus(p.forgetAfter()).isBefore(now);
            // after a lock the count resumes just below the slow-down: the next failure is slowed again
            int failures = (fresh ? 0 : old.locked ? afterLock(p) : old.failures) + 1;
            if (p.lockAfter() > 0 && failures >= p.lockAfter()) {
                return new State(failures, now, now.plus(p.lock()), true, 0);
            }
            Instant until = null;
            if (p.slowDownAfter() > 0 && failures >= p.slowDownAfter()) {
                int doublings = Math.min(20, failures - p.slowDownAfter());
                Duration wait = p.delay().multipliedBy(1L << doublings);
                until = now.plus(wait.compareTo(p.maxDelay()) > 0 ? p.maxDelay() : wait);
            }
            return new State(failures, now, until, false, 0);
        });
    }

    /** After a lock ends, counting starts again just below the slow-down. */
    static int afterLock(Policy p) {
        return Math.max(0, p.slowDownAfter() - 1);
    }

    int size() {
        return states.size();
    }

    void succeeded(String key) {
        states.remove(key);
    }

    /** Forgets the key (an admin's unlock); the state it had, or null. */
    State clear(String key) {
        return states.remove(key);
    }

    /** Every key held back now. */
    List<Map.Entry<String, State>> heldNow(Instant now) {
        List<Map.Entry<String, State>> held = new ArrayList<>();
        states.forEach((k, s) -> {
            if (s.heldAt(now)) {
                held.add(Map.entry(k, s));
            }
        });
        return held;
    }

    private void trim(Instant now, Policy p) {
        states.entrySet().removeIf(e -> !e.getValue().heldAt(now)
                && e.getValue().lastFailure().plus(p.forgetAfter()).isBefore(now));
        if (states.size() >= MAX_KEYS) {
            states.entrySet().removeIf(e -> !e.getValue().heldAt(now));
        }
    }
}
