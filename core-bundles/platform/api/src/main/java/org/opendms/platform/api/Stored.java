package org.opendms.platform.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How values are kept in the database, the same in every bundle: times as UTC timestamps (shown to users in the
 * shop's zone), and user text searched literally.
 */
public final class Stored {

    private Stored() {
    }

    /** Now, as the UTC timestamp a column holds. */
    public static LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * A LIKE pattern matching values that contain the text, with '%' and '_' taken literally. Use it with
     * {@code ESCAPE '\'}.
     */
    public static String containsPattern(String text) {
        return "%" + literal(text) + "%";
    }

    /** The text with LIKE's wildcards escaped, to build other patterns (e.g. ends-with); use {@code ESCAPE '\'}. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
