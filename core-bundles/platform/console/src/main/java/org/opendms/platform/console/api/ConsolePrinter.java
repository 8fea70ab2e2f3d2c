package org.opendms.platform.console.api;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/**
 * Prints what staff read: a refusal with each field and its reason in Chinese, then English; times in the shop's zone.
 */
public final class ConsolePrinter {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsolePrinter() {
    }

    public static void refusal(PrintStream out, DmsException e) {
        out.println(
                "未执行 Not done: " + e.kind().title(Locale.SIMPLIFIED_CHINESE) + " / " + e.kind().title(Locale.ENGLISH));
        for (Violation v : e.violations()) {
            String field = v.field().isEmpty() ? "" : v.field() + ": ";
            out.println("  " + field + v.messageZh());
            out.println("  " + " ".repeat(field.length()) + v.messageEn());
        }
    }

    /** Cuts a value to a column width, so a long name does not break a table. */
    public static String cell(Object value, int width) {
        String s = value == null ? "" : value.toString();
        return s.codePointCount(0, s.length()) <= width ? s : s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }

    /**
     * A stored time as staff read it: in the shop's zone ({@code ShopClock.zone()}), to the minute; empty for none.
     * Never the server's zone or UTC, so that every command shows the same wall-clock time for the same moment.
     */
    public static String time(Instant at, ZoneId shopZone) {
        return at == null ? "" : SHOWN.format(at.atZone(shopZone));
    }
}
