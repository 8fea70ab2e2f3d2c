package org.opendms.vehicle.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.opendms.platform.api.Violations;
import org.opendms.vehicle.api.EnergyType;

/**
 * Reads option values typed at the console into the draft's types, naming the field as the service does. Karaf's own
 * conversion would answer a bad number with an English stack of its own.
 */
final class Inputs {

    private Inputs() {
    }

    static Integer integer(Violations v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            v.add(field, "wrong_type", field + " 应为整数", field + " must be a whole number");
            return null;
        }
    }

    static LocalDate date(Violations v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "wrong_type", field + " 应为日期，如 2026-03-01", field + " must be a date such as 2026-03-01");
            return null;
        }
    }

    static EnergyType energy(Violations v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return EnergyType.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String all = String.join(", ", java.util.Arrays.stream(EnergyType.values()).map(Enum::name).toList());
            v.add(field, "wrong_type", field + " 应为以下之一：" + all, field + " must be one of " + all);
            return null;
        }
    }
}
