package org.opendms.plugin.insurance.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.opendms.platform.api.Violations;
import org.opendms.plugin.insurance.api.PolicyKind;

/**
 * Reads option values typed at the console into the draft's types, naming the field as the service does, so a
 * mistyped date or premium is reported with the rest of the input rather than as Karaf's English conversion error.
 */
final class Typed {

    private Typed() {
    }

    static LocalDate date(Violations v, String field, String raw) {
        return read(v, field, raw, LocalDate::parse, "日期，如 2026-03-01", "a date such as 2026-03-01");
    }

    static BigDecimal yuan(Violations v, String field, String raw) {
        return read(v, field, raw, BigDecimal::new, "金额（元），如 950.00", "an amount in yuan such as 950.00");
    }

    /** By name or, as staff say it, by label: COMPULSORY or 交强险. */
    static PolicyKind kind(Violations v, String field, String raw) {
        return read(v, field, raw, s -> Arrays.stream(PolicyKind.values()).filter(k -> k.label().equals(s)).findFirst()
                .orElseGet(() -> PolicyKind.valueOf(s.toUpperCase(Locale.ROOT))),
                "COMPULSORY（交强险）或 COMMERCIAL（商业险）", "COMPULSORY (交强险) or COMMERCIAL (商业险)");
    }

    /** Null when nothing was typed; otherwise the value, or null with a violation when it cannot be read. */
    private static <T> T read(Violations v, String field, String raw, Function<String, T> parse, String zh, String en) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parse.apply(raw.strip());
        } catch (RuntimeException e) {
            v.add(field, "wrong_type", field + " 应为 " + zh, field + " must be " + en);
            return null;
        }
    }
}
