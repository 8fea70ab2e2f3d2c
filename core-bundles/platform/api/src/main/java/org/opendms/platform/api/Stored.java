package org.opendms.platform.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How values are kept in the database, the same in every bundle: times as UTC timestamps (shown to users in the
 * shop's zone), and user text searched literally.
 */
public final class Stored {

    private Stored() {
    }

    /**
     * Now by the system clock, as the UTC timestamp a column holds.
     *
     * @deprecated stored times come from {@link ShopClock}: use {@link #utc(Instant) utc(clock.now())}
     */
    @Deprecated
    public static LocalDateTime utcNow() {
        return utc(Instant.now());
    }

    /**
     * The instant as the UTC timestamp a column holds, to the microsecond (what PostgreSQL keeps), so a value read
     * back equals the one written. Pass {@link ShopClock#now()}.
     */
    public static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
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
