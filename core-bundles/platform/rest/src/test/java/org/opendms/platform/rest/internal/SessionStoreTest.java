package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The browser sessions on a clock the test moves: timeouts, logout, account changes, the token check. */
class SessionStoreTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final SessionStore store = new SessionStore(now::get, 30 * 60, 12 * 3600);

    private SessionStore.Opened open(String login) {
        return store.open(login, "王顾问", Set.of("advisor"), store.generation());
    }

    @Test
    void aSessionIsFoundByItsCookieWithWhatTheLoginSaid() {
        SessionStore.Opened opened = open("advisor");
        SessionStore.Session found = store.find(opened.id());
        assertSame(opened.session(), found);
        assertEquals("advisor", found.login);
        assertEquals("王顾问", found.name);
        assertEquals(Set.of("advisor"), found.roles);
        assertNull(store.find("not-" + opened.id()));
        assertNull(store.find(null));
        assertNull(store.find(""));
        assertNull(store.find("x".repeat(5000)), "an absurd cookie is not even hashed");
    }

    @Test
    void idsAndTokensAre256RandomBitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SessionStore.Opened o = open("advisor");
            assertEquals(32, Base64.getUrlDecoder().decode(o.id()).length);
            assertEquals(32, Base64.getUrlDecoder().decode(o.session().csrfToken).length);
            assertTrue(seen.add(o.id()));
            assertTrue(seen.add(o.session().csrfToken));
            assertNotEquals(o.id(), o.session().csrfToken);
        }
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeAndAUsedOneDoesNot() {
        SessionStore.Opened used = open("advisor");
        SessionStore.Opened unused = open("advisor");
        for (int minute = 1; minute <= 40; minute += 10) {
            now.addAndGet(10 * 60 * SECOND);
            assertNotNull(store.find(used.id()), "used every 10 minutes, at minute " + minute);
        }
        assertNull(store.find(unused.id()));
        assertEquals(1, store.size(), "an expired session found is forgotten");
    }

    @Test
    void theIdleLimitIsMeasuredToTheSecond() {
        SessionStore.Opened o = open("advisor");
        now.addAndGet(30 * 60 * SECOND);
        assertNotNull(store.find(o.id()), "exactly the idle time: still there");
        now.addAndGet(30 * 60 * SECOND + 1);
        assertNull(store.find(o.id()));
    }

    @Test
    void aBusySessionEndsAtItsLifetime() {
        SessionStore.Opened o = open("advisor");
        for (int i = 0; i < 12 * 6; i++) {
            now.addAndGet(10 * 60 * SECOND);
            assertNotNull(store.find(o.id()), "at " + (i + 1) * 10 + " minutes");
        }
        now.addAndGet(SECOND);
        assertNull(store.find(o.id()));
    }

    @Test
    void newLimitsApplyToOpenSessions() {
        SessionStore.Opened o = open("advisor");
        now.addAndGet(5 * SECOND);
        store.limits(2, 12 * 3600);
        assertEquals(2, store.idleSeconds());
        assertNull(store.find(o.id()));
    }

    @Test
    void logoutEndsOnlyThatSession() {
        SessionStore.Opened first = open("advisor");
        SessionStore.Opened second = open("advisor");
        store.end(first.id());
        assertNull(store.find(first.id()));
        assertNotNull(store.find(second.id()));
        store.end(null);
        store.end("unknown");
    }

    @Test
    void anAccountChangeEndsEverySessionOfThatLoginOnly() {
        SessionStore.Opened a = open("advisor");
        SessionStore.Opened b = open("advisor");
        SessionStore.Opened other = open("technician");
        store.endAllOf("advisor");
        assertNull(store.find(a.id()));
        assertNull(store.find(b.id()));
        assertNotNull(store.find(other.id()));
        assertEquals(1, store.of("technician").size());
        assertTrue(store.of("advisor").isEmpty());
    }

    @Test
    void aLoginCheckedBeforeAnAccountChangeOpensNoSession() {
        long seen = store.generation();
        store.endAllOf("technician"); // an admin changes an account while the password is being checked
        assertNull(store.open("advisor", "王顾问", Set.of("advisor"), seen));
        assertEquals(0, store.size());
        assertNotNull(store.open("advisor", "王顾问", Set.of("advisor"), store.generation()));
    }

    @Test
    void theTokenMustBeTheSessionsOwn() {
        SessionStore.Session s = open("advisor").session();
        SessionStore.Session other = open("advisor").session();
        assertTrue(s.tokenMatches(s.csrfToken));
        assertFalse(s.tokenMatches(other.csrfToken));
        assertFalse(s.tokenMatches(null));
        assertFalse(s.tokenMatches(""));
        assertFalse(s.tokenMatches(s.csrfToken + "x"));
    }

    @Test
    void expiredSessionsAreDroppedAtTheNextLogin() {
        for (int i = 0; i < 100; i++) {
            open("advisor");
        }
        now.addAndGet(31 * 60 * SECOND);
        open("advisor");
        assertEquals(1, store.size());
    }
}
