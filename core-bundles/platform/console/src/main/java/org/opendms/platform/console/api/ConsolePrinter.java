package org.opendms.platform.console.api;

import java.io.PrintStream;
import java.util.Locale;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/** Prints a refusal the way staff read it: each field with its reason in Chinese, then English. */
public final class ConsolePrinter {

    private ConsolePrinter() {
    }

    public static void refusal(PrintStream out, DmsException e) {
        out.println("未执行 Not done: " + e.kind().title(Locale.SIMPLIFIED_CHINESE) + " / " + e.kind().title(Locale.ENGLISH));
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
}
