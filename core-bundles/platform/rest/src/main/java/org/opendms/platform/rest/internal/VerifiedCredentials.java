package org.opendms.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic credentials the realm accepted recently, so that a script's every request costs a map lookup and one
 * HMAC instead of a JAAS login (login context, login module, the realm's own checks). Keeps, per user, an
 * HMAC-SHA256 of user and password under a key that exists only in this process (never the password), the user's
 * roles and an expiry. A change of the account forgets it at once ({@link #forget}); a verification that began
 * before such a change is not kept. Bounded: at {@code maxEntries} the oldest half goes.
 */
final class VerifiedCredentials {

    /** What the realm said about a user: the name it logged in as and every role principal. */
    record Verified(String user, Set<String> roles) {
    }

    private record Entry(byte[] digest, Verified verified, long expiresAt) {
    }

    private final SecretKeySpec key;
    /** A Mac per thread: Mac.getInstance and init cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanos;
    private final int maxEntries;
    private volatile long ttlNanos;

    VerifiedCredentials(LongSupplier nanos, long ttlSeconds, int maxEntries) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.nanos = nanos;
        this.maxEntries = maxEntries;
        ttl(ttlSeconds);
    }

    /** 0 turns the cache off (every request logs in through the realm); what is kept is forgotten. */
    void ttl(long seconds) {
        ttlNanos = Math.max(0, seconds) * 1_000_000_000L;
        clear();
    }

    /** What the realm said about this very user and password within the TTL, or null. */
    Verified find(String user, String password) {
        Entry e = entries.get(user);
        if (e == null) {
            return null;
        }
        if (nanos.getAsLong() - e.expiresAt > 0) {
            entries.remove(user, e);
            return null;
        }
        return MessageDigest.isEqual(e.digest, digest(user, password)) ? e.verified : null;
    }

    /** Taken before the realm is asked, handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    void put(String user, String password, Verified verified, long seenGeneration) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            dropOldestHalf();
        }
        Entry entry = new Entry(digest(user, password), verified, nanos.getAsLong() + ttlNanos);
        entries.put(user, entry);
        if (generation.get() != seenGeneration) {
            entries.remove(user, entry); // an account changed while the realm checked: what it said may be old
        }
    }

    /** The account changed (password, roles, disabled): its next request goes to the realm again. */
    void forget(String user) {
        generation.incrementAndGet();
        entries.remove(user);
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void dropOldestHalf() {
        long[] expiries = entries.values().stream().mapToLong(Entry::expiresAt).sorted().toArray();
        if (expiries.length == 0) {
            return;
        }
        long median = expiries[expiries.length / 2];
        entries.values().removeIf(e -> e.expiresAt - median <= 0);
    }

    private byte[] digest(String user, String password) {
        Mac mac = macs.get();
        mac.update(user.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
