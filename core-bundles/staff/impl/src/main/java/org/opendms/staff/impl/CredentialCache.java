package org.opendms.staff.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins verified recently, so that bcrypt is paid once per user and TTL rather than on every API request (HTTP
 * Basic sends the password each time). It keeps an HMAC of the password under a key that lives only in this
 * process, never the password. Any change to an account forgets it; a verification that began before a change
 * is not cached, so a disabled account is refused from the next request on.
 */
final class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] digest, Set<String> roles, long expiresAt) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;

    CredentialCache(long ttlSeconds) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttlSeconds * 1_000_000_000L;
    }

    /** The roles of a login verified with this very password within the TTL, or null. */
    Set<String> roles(String login, String password) {
        Entry e = entries.get(login);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAt > 0) {
            entries.remove(login, e);
            return null;
        }
        return MessageDigest.isEqual(e.digest, digest(login, password)) ? e.roles : null;
    }

    /** Taken before reading the account, handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    void put(String login, String password, Set<String> roles, long seenGeneration) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(login, new Entry(digest(login, password), Set.copyOf(roles), System.nanoTime() + ttlNanos));
        if (generation.get() != seenGeneration) {
            entries.remove(login); // an account changed while we checked: do not keep what we read before
        }
    }

    void forget(String login) {
        generation.incrementAndGet();
        entries.remove(login);
    }

    private byte[] digest(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(login.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
