package org.opendms.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The browsers logged in to the staff web app, in memory only: a restart logs everyone out (nothing of a session is
 * ever written anywhere). A session id is 256 random bits from {@link SecureRandom}; the map is keyed by the id's
 * SHA-256, so neither a heap dump nor the timing of a lookup gives a usable id away. A session ends after
 * {@code idle} without a request, after {@code lifetime} in any case, at logout, and when its account changes.
 * <p>
 * Times come from a monotonic clock (not the shop's clock): a timeout measures elapsed time, and a shop clock moved
 * for a test or a time-zone change must not log everyone out or keep a session alive.
 */
final class SessionStore {

    /** One browser's session. {@code lastSeen} moves with every request. */
    static final class Session {
        final String login;
        final String name;
        final Set<String> roles;
        final String csrfToken;
        final long openedAt;
        volatile long lastSeen;

        Session(String login, String name, Set<String> roles, String csrfToken, long openedAt) {
            this.login = login;
            this.name = name;
            this.roles = Set.copyOf(roles);
            this.csrfToken = csrfToken;
            this.openedAt = openedAt;
            this.lastSeen = openedAt;
        }

        /** Whether the header's token is this session's, compared in constant time. */
        boolean tokenMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A new session: the cookie's value (given to the browser once, never kept) and the session. */
    record Opened(String id, Session session) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanos;
    private volatile long idleNanos;
    private volatile long lifetimeNanos;

    SessionStore(LongSupplier nanos, long idleSeconds, long lifetimeSeconds) {
        this.nanos = nanos;
        limits(idleSeconds, lifetimeSeconds);
    }

    /** New limits apply to the sessions already open too. */
    void limits(long idleSeconds, long lifetimeSeconds) {
        this.idleNanos = Math.max(1, idleSeconds) * 1_000_000_000L;
        this.lifetimeNanos = Math.max(1, lifetimeSeconds) * 1_000_000_000L;
    }

    long idleSeconds() {
        return idleNanos / 1_000_000_000L;
    }

    /** Taken before the password is checked and handed to {@link #open}. */
    long generation() {
        return generation.get();
    }

    /**
     * Opens a session for a login verified while the generation was {@code seenGeneration}; null when an account
     * changed meanwhile (the caller checks the password again: the roles it read may be the old ones).
     */
    Opened open(String login, String name, Set<String> roles, long seenGeneration) {
        dropExpired();
        String id = randomText(32);
        Session session = new Session(login, name, roles, randomText(32), nanos.getAsLong());
        byIdHash.put(hash(id), session);
        if (generation.get() != seenGeneration) {
            byIdHash.remove(hash(id));
            return null;
        }
        return new Opened(id, session);
    }

    /** The live session of this cookie value, now seen again; null when unknown, ended or expired. */
    Session find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return null;
        }
        String key = hash(id);
        Session s = byIdHash.get(key);
        if (s == null) {
            return null;
        }
        long now = nanos.getAsLong();
        if (expired(s, now)) {
            byIdHash.remove(key, s);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** Logout. */
    void end(String id) {
        if (id != null && id.length() <= 100) {
            byIdHash.remove(hash(id));
        }
    }

    /** Every session of the login ends (its account changed). */
    void endAllOf(String login) {
        generation.incrementAndGet();
        byIdHash.values().removeIf(s -> s.login.equals(login));
    }

    /** The live sessions of a login. */
    List<Session> of(String login) {
        long now = nanos.getAsLong();
        return byIdHash.values().stream().filter(s -> s.login.equals(login) && !expired(s, now)).toList();
    }

    int size() {
        return byIdHash.size();
    }

    /** Forgets sessions nobody will come back with; cheap enough to run at each login. */
    void dropExpired() {
        long now = nanos.getAsLong();
        byIdHash.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session s, long now) {
        return now - s.lastSeen > idleNanos || now - s.openedAt > lifetimeNanos;
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String id) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return Base64.getEncoder().encodeToString(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
    }
}
