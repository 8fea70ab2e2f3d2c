package org.opendms.platform.rest.api;

import org.opendms.platform.api.DmsException;

/**
 * Reads numbers from paths, query strings and headers with an error that names the field. JAX-RS itself would
 * answer a malformed number in a query parameter with a bare 404.
 */
public final class Params {

    private Params() {
    }

    /**
     * An optional whole number in plain ASCII digits with an optional leading minus; null when absent or empty. Java's
     * own parsing also takes full-width and other Unicode digits and a leading plus, which would let odd spellings
     * reach the same record; a number too large for an int is refused here, never wrapped round.
     */
    public static Integer integer(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!isDigits(raw, raw.startsWith("-") ? 1 : 0, 100)) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为整数（半角数字）",
                    field + " must be a whole number (ASCII digits)");
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException tooLarge) {
            throw DmsException.invalid(field, "out_of_range", field + " 超出范围（最大 " + Integer.MAX_VALUE + "）",
                    field + " is out of range (at most " + Integer.MAX_VALUE + ")");
        }
    }

    /**
     * A record id from a path or query: a positive whole number written in plain ASCII digits only (no sign, no
     * spaces, no full-width digits), so that one record has one spelling.
     */
    public static long id(String field, String raw) {
        if (raw != null && isDigits(raw, 0, 18)) {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        }
        throw DmsException.invalid(field, "wrong_type", field + " 应为正整数编号（半角数字）",
                field + " must be a positive whole-number id (ASCII digits)");
    }

    /** True when {@code raw} from {@code from} on is 1 to {@code max} ASCII digits and nothing else. */
    private static boolean isDigits(String raw, int from, int max) {
        int length = raw.length() - from;
        if (length < 1 || length > max) {
            return false;
        }
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An optional true/false. */
    public static Boolean bool(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw DmsException.invalid(field, "wrong_type", field + " 应为 true 或 false",
                field + " must be true or false");
        };
    }

    /**
     * The version a client read, from the If-Match header of a change ({@code "3"}, {@code W/"3"} or {@code 3}).
     * Required, so that two people editing one record never silently overwrite each other.
     */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw DmsException.invalid("If-Match", "required", "修改时须带 If-Match 头（读取时返回的 ETag）",
                    "a change needs the If-Match header (the ETag you read)");
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        if (!isDigits(v, 0, 18)) {
            throw DmsException.invalid("If-Match", "wrong_type", "If-Match 应为读取时返回的 ETag，如 \"3\"",
                    "If-Match must be the ETag you read, e.g. \"3\"");
        }
        return Long.parseLong(v);
    }

    /** The ETag for a record version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** An optional day, yyyy-MM-dd; null when absent or blank. */
    public static java.time.LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }
}
