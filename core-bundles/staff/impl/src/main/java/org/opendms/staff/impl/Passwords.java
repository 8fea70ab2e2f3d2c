package org.opendms.staff.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * How passwords are kept: bcrypt (Bouncy Castle's OpenBSDBCrypt, a 16-byte random salt per hash, cost 10, about
 * 60–80 ms a check here), so a stolen table does not give the passwords back quickly. The only other form is the
 * unsalted SHA-256 that Karaf's etc/users.properties holds, imported once and replaced by bcrypt at that user's
 * first login.
 */
final class Passwords {

    /** bcrypt's work factor: 2^10 rounds. Raise it as machines get faster; old hashes keep their own cost. */
    static final int COST = 10;
    /** bcrypt reads at most 72 bytes of a password; a longer one would be silently cut. */
    static final int MAX_BYTES = 72;
    static final String LEGACY_PREFIX = "{SHA-256}";
    private static final String KARAF_CRYPT = "{CRYPT}";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked for an unknown login, so that it takes as long as a wrong password (no user-name probing by time). */
    private static final String DUMMY = hash("no such account");

    private Passwords() {
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, COST);
    }

    static boolean matches(String stored, String password) {
        if (stored == null || password == null) {
            return false;
        }
        if (stored.startsWith("$2")) {
            return OpenBSDBCrypt.checkPassword(stored, password.toCharArray());
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            byte[] expected = stored.substring(LEGACY_PREFIX.length()).toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, sha256Hex(password).getBytes(StandardCharsets.US_ASCII));
        }
        return false;
    }

    /** Spends the time of one check, for a login that does not exist or is disabled. */
    static void burn(String password) {
        matches(DUMMY, password == null ? "" : password);
    }

    static boolean isLegacy(String stored) {
        return stored.startsWith(LEGACY_PREFIX);
    }

    /**
     * The stored form of a users.properties password: Karaf's {@code {CRYPT}hex{CRYPT}} (SHA-256, hexadecimal) as
     * is, a plain one hashed the same way; both become bcrypt at the first login.
     */
    static String fromUsersProperties(String value) {
        if (value.startsWith(KARAF_CRYPT) && value.endsWith(KARAF_CRYPT) && value.length() > 2 * KARAF_CRYPT.length()) {
            return LEGACY_PREFIX + value.substring(KARAF_CRYPT.length(), value.length() - KARAF_CRYPT.length())
                    .toLowerCase(Locale.ROOT);
        }
        return LEGACY_PREFIX + sha256Hex(value);
    }

    private static String sha256Hex(String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
