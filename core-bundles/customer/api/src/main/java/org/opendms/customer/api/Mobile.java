package org.opendms.customer.api;

import org.opendms.platform.api.DmsException;

/**
 * A mainland mobile number: how the dealership reaches a customer (service reminders, pick-up SMS) and
 * how it finds them at the desk. One stored form, without "+86" or separators, keeps duplicates out.
 * The number is personal information under PIPL, so {@link #toString()} gives the masked form: a value
 * that ends up in a log line or an exception message does not disclose it, and refusals never repeat
 * what was typed.
 */
public final class Mobile {

    /** Longer raw input is refused before any work: "+86 138-1234-1234" is 17 characters. */
    private static final int MAX_RAW_LENGTH = 20;

    private static final String FORMAT_ZH = "手机号格式不正确：应为11位大陆手机号，如 13812341234";
    private static final String FORMAT_EN = "mobile must be an 11-digit mainland number starting 13–19, e.g. 13812341234";

    private final String value;

    private Mobile(String value) {
        this.value = value;
    }

    /**
     * Normalises and checks a mobile number typed by a person.
     *
     * @param field the input field to name in a refusal
     *
     * @throws DmsException (invalid input) with code {@code required} or {@code mobile.format}
     */
    public static Mobile parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DmsException.invalid(field, "required", "请填写手机号", "mobile is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw DmsException.invalid(field, "mobile.format", FORMAT_ZH, FORMAT_EN);
        }
        String number = stripSeparators(raw);
        for (String prefix : new String[] { "+86", "0086", "86" }) {
            if (number.startsWith(prefix) && number.length() == prefix.length() + 11) {
                number = number.substring(prefix.length());
                break;
            }
        }
        if (!isMainlandMobile(number)) {
            throw DmsException.invalid(field, "mobile.format", FORMAT_ZH, FORMAT_EN);
        }
        return new Mobile(number);
    }

    private static String stripSeparators(String raw) {
        StringBuilder s = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** 1, then 3–9, then nine digits: the numbering plan's mobile ranges (13x–19x). */
    private static boolean isMainlandMobile(String s) {
        if (s.length() != 11 || s.charAt(0) != '1' || s.charAt(1) < '3' || s.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < 11; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The 11 digits, for storing, dialling and sending SMS; show {@link #masked()} to people instead. */
    public String value() {
        return value;
    }

    /** "138****1234": enough for a customer to recognise their number, as PIPL expects on screens. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mobile other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, so that logging a {@code Mobile} never discloses the number. */
    @Override
    public String toString() {
        return masked();
    }
}
