package org.opendms.plugin.insurance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.plugin.insurance.api.PolicyKind;
import org.opendms.vehicle.api.Vehicle;

/** Checks a policy draft completely, so the user sees every wrong field at once, and returns it cleaned. */
final class PolicyRules {

    static final int INSURER_MIN = 2;
    static final int INSURER_MAX = 40;
    static final int NUMBER_MIN = 5;
    static final int NUMBER_MAX = 40;
    static final int NOTE_MAX = 500;
    /** 交强险 and 商业险 run a year; a leap day or an end written as the anniversary makes it a day more. */
    static final int TERM_MAX_DAYS = 366;
    static final BigDecimal PREMIUM_MAX = new BigDecimal("1000000");
    static final LocalDate DATE_MIN = LocalDate.of(2000, 1, 1);
    static final LocalDate DATE_MAX = LocalDate.of(2100, 12, 31);
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9-]+");

    /** Finds a vehicle in the core vehicle file; null when there is none. */
    @FunctionalInterface
    interface Vehicles {
        Vehicle find(long id);
    }

    /** A draft that passed every rule; the vehicle as the vehicle file has it now. */
    record Valid(Vehicle vehicle, String insurer, String policyNumber, PolicyKind kind, LocalDate startDate,
            LocalDate endDate, BigDecimal premium, String note) {
    }

    private PolicyRules() {
    }

    static Valid check(PolicyDraft draft, Vehicles vehicles) {
        if (draft == null) {
            throw DmsException.invalid("", "required", "请提交保单资料", "policy details are required");
        }
        Violations v = new Violations();
        Vehicle vehicle = null;
        if (draft.vehicleId() == null) {
            v.add("vehicleId", "required", "请选择车辆", "vehicleId is required");
        } else {
            vehicle = draft.vehicleId() > 0 ? vehicles.find(draft.vehicleId()) : null;
            if (vehicle == null) {
                v.add("vehicleId", "vehicle.unknown", "车辆 " + draft.vehicleId() + " 不存在",
                        "vehicle " + draft.vehicleId() + " does not exist");
            }
        }
        String insurer = trim(draft.insurer());
        if (v.required("insurer", insurer) && !lengthBetween(insurer, INSURER_MIN, INSURER_MAX)) {
            v.add("insurer", "insurer.length", "保险公司名称应为 " + INSURER_MIN + " 到 " + INSURER_MAX + " 个字符",
                    "insurer must be " + INSURER_MIN + " to " + INSURER_MAX + " characters");
        } else if (insurer != null && insurer.chars().anyMatch(Character::isISOControl)) {
            v.add("insurer", "control_character", "insurer 含有不可见的控制字符", "insurer contains control characters");
        }
        String number = trim(draft.policyNumber());
        if (v.required("policyNumber", number)) {
            number = number.toUpperCase(Locale.ROOT);
            if (number.length() < NUMBER_MIN || number.length() > NUMBER_MAX || !NUMBER.matcher(number).matches()) {
                v.add("policyNumber", "policy_number.format",
                        "保单号应为 " + NUMBER_MIN + " 到 " + NUMBER_MAX + " 位字母、数字或减号",
                        "policyNumber must be " + NUMBER_MIN + " to " + NUMBER_MAX + " letters, digits or '-'");
            }
        }
        if (draft.kind() == null) {
            v.add("kind", "required", "请选择险种：交强险 COMPULSORY 或 商业险 COMMERCIAL",
                    "kind is required: COMPULSORY or COMMERCIAL");
        }
        boolean datesInRange = date(v, "startDate", draft.startDate()) & date(v, "endDate", draft.endDate());
        if (datesInRange) {
            term(v, draft.startDate(), draft.endDate());
        }
        BigDecimal premium = premium(v, draft.premium());
        String note = trim(draft.note());
        v.maxLength("note", note, NOTE_MAX);
        v.throwIfAny();
        return new Valid(vehicle, insurer, number, draft.kind(), draft.startDate(), draft.endDate(), premium, note);
    }

    /** The look-ahead asked for, or the configured one when none is. */
    static int window(Integer days, int configured) {
        if (days == null) {
            return configured;
        }
        if (days < InsuranceService.WINDOW_MIN_DAYS || days > InsuranceService.WINDOW_MAX_DAYS) {
            throw DmsException.invalid("days", "out_of_range",
                    "days 应在 " + InsuranceService.WINDOW_MIN_DAYS + " 到 " + InsuranceService.WINDOW_MAX_DAYS + " 之间",
                    "days must be between " + InsuranceService.WINDOW_MIN_DAYS + " and "
                            + InsuranceService.WINDOW_MAX_DAYS);
        }
        return days;
    }

    /** A configured window out of range is not worth refusing to start over: the default serves. */
    static boolean windowInRange(int days) {
        return days >= InsuranceService.WINDOW_MIN_DAYS && days <= InsuranceService.WINDOW_MAX_DAYS;
    }

    private static void term(Violations v, LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            v.add("endDate", "date.order", "保险止期应晚于起期", "endDate must be after startDate");
        } else if (ChronoUnit.DAYS.between(start, end) > TERM_MAX_DAYS) {
            v.add("endDate", "term.too_long", "保险期限最长一年（止期最晚为起期后 " + TERM_MAX_DAYS + " 天）",
                    "a policy runs at most a year: endDate at most " + TERM_MAX_DAYS + " days after startDate");
        }
    }

    /** True when the date is present and plausible. */
    private static boolean date(Violations v, String field, LocalDate date) {
        if (date == null) {
            v.add(field, "required", field + " 不能为空", field + " is required");
            return false;
        }
        if (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX)) {
            v.add(field, "out_of_range", field + " 应在 2000-01-01 到 2100-12-31 之间",
                    field + " must be between 2000-01-01 and 2100-12-31");
            return false;
        }
        return true;
    }

    /** Yuan and fen: a third decimal is a typing mistake, not something to round away. */
    private static BigDecimal premium(Violations v, BigDecimal premium) {
        if (premium == null) {
            v.add("premium", "required", "请填写保费（元）", "premium is required (yuan)");
            return null;
        }
        if (premium.signum() < 0 || premium.compareTo(PREMIUM_MAX) > 0) {
            v.add("premium", "out_of_range", "保费应在 0 到 1,000,000 元之间", "premium must be between 0 and 1,000,000 yuan");
            return null;
        }
        if (premium.stripTrailingZeros().scale() > 2) {
            v.add("premium", "premium.scale", "保费最多两位小数（分）", "premium has at most 2 decimals (fen)");
            return null;
        }
        return premium.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean lengthBetween(String s, int min, int max) {
        int n = s.codePointCount(0, s.length());
        return n >= min && n <= max;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
