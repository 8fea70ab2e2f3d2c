package org.opendms.platform.rest.api;

import org.opendms.platform.api.DmsException;

/**
 * Reads numbers from paths, query strings and headers with an error that names the field. JAX-RS itself would
 * answer a malformed number in a query parameter with a bare 404.
 */
public final class Params {

    private Params() {
    }

    /** An optional whole number; null when absent or blank. */
    public static Integer integer(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为整数", field + " must be a whole number");
        }
    }

    /** A record id from a path or query: a positive whole number. */
    public static long id(String field, String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DmsException.invalid(field, "wrong_type", field + " 应为正整数编号",
                field + " must be a positive whole-number id");
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
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw DmsException.invalid("If-Match", "wrong_type", "If-Match 应为读取时返回的 ETag，如 \"3\"",
                    "If-Match must be the ETag you read, e.g. \"3\"");
        }
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
