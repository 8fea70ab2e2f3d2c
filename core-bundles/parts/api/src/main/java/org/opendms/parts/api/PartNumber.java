package org.opendms.parts.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A part number (零件号) as printed and its search key. People type "06l 115 562-b", "06L115562B" or "06L-115-562 B"
 * for the same OEM part: the key is upper case without spaces, dashes, dots, slashes or underscores, and it is what
 * the catalogue keeps unique and searches by.
 *
 * @param printed the number as it is written on the box, trimmed, inner runs of spaces collapsed
 * @param key     the normalised search key
 */
public record PartNumber(String printed, String key) {

    public PartNumber {
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(key, "key");
    }

    /** The number a user typed or scanned, with its key; null stays null. */
    public static PartNumber of(String typed) {
        if (typed == null) {
            return null;
        }
        String printed = typed.strip().replaceAll("\\s+", " ");
        return new PartNumber(printed, key(printed));
    }

    /** The search key of a typed number: upper case, without spaces, '-', '.', '/', '_' (full-width ones too). */
    public static String key(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            // full-width ASCII (typed with a Chinese input method) counts as its half-width letter
            int half = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
            if (!Character.isWhitespace(half) && half != '-' && half != '.' && half != '/' && half != '_'
                    && half != 0x3000) {
                s.appendCodePoint(half);
            }
        });
        return s.toString().toUpperCase(Locale.ROOT);
    }
}
