package org.opendms.vehicle.api;

import java.util.Locale;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;

/**
 * A Chinese licence plate in the one spelling we store and search by. Service advisers type the same
 * plate as "京A·12345", "京a 12345" or with a full-width IME as "京Ａ１２３４５"; unless every entry point
 * reduces these to one form, the same car turns up as several vehicles and a search by plate misses it.
 * An instance exists only for a plate that passed the format check, so code holding a {@code Plate}
 * need not check again.
 */
public final class Plate {

    /** Longer raw input is refused before any work: no plate, however it is typed, comes near this. */
    private static final int MAX_RAW_LENGTH = 20;

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /** Letters and digits used on plates: I and O are left out because they read as 1 and 0. */
    private static final String SERIAL = "[A-HJ-NP-Z0-9]";

    private static final Pattern ORDINARY = Pattern.compile(
            "[" + PROVINCES + "][A-HJ-NP-Z](?:" + SERIAL + "{5}|" + SERIAL + "{4}[警学挂港澳领])");

    /** Green plates: small cars carry the energy letter first, large vehicles last. */
    private static final Pattern NEW_ENERGY = Pattern.compile(
            "[" + PROVINCES + "][A-HJ-NP-Z](?:[A-HJK]" + SERIAL + "[0-9]{4}|[0-9]{5}[A-HJK])");

    private static final String FORMAT_ZH = "车牌号格式不正确：应为省份简称+发牌机关字母+5位（新能源6位）号码，如 京A12345";
    private static final String FORMAT_EN = "plate must be a province character, an issuing-office letter and 5 characters "
            + "(6 for new-energy plates), e.g. 京A12345";

    private final String value;

    private Plate(String value) {
        this.value = value;
    }

    /**
     * Normalises and checks a plate typed by a person.
     *
     * @param field the input field to name in a refusal
     *
     * @throws DmsException (invalid input) with code {@code required} or {@code plate.format}
     */
    public static Plate parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DmsException.invalid(field, "required", "请填写车牌号", "plate is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw DmsException.invalid(field, "plate.format",
                    "车牌号过长：最多" + MAX_RAW_LENGTH + "个字符",
                    "plate is too long: at most " + MAX_RAW_LENGTH + " characters");
        }
        String plate = normaliseFragment(raw);
        if (plate.isEmpty()) {
            // only separators, e.g. "-" typed to get past a mandatory field
            throw DmsException.invalid(field, "required", "请填写车牌号", "plate is required");
        }
        if (ORDINARY.matcher(plate).matches() || NEW_ENERGY.matcher(plate).matches()) {
            return new Plate(plate);
        }
        throw refusal(field, plate);
    }

    /**
     * The normalisation of {@link #parse} without the format check, so that a search for part of a plate
     * ("a 123") matches how plates are stored ("A123").
     *
     * @return the normalised text; empty for null
     */
    public static String normaliseFragment(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // full-width forms first, so that full-width separators are dropped below as well
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isSeparator(c)) {
                continue;
            }
            s.append(c);
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a normalised text ({@link #normaliseFragment}) could be part of some plate: only province characters,
     * office letters, serial letters and digits, and the suffixes 警学挂港澳领. A name such as "张伟" cannot, so a
     * search for it need not look at plates at all.
     */
    public static boolean couldBePartOfPlate(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return false;
        }
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            boolean serial = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O');
            if (!serial && PROVINCES.indexOf(c) < 0 && "警学挂港澳领".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '\u00B7' || c == '\u2022' || c == '\u30FB' || c == '.' || c == '-' || c == '_';
    }

    /** Picks the most specific reason, so the user knows which character to fix. */
    private static DmsException refusal(String field, String plate) {
        if (PROVINCES.indexOf(plate.charAt(0)) < 0) {
            String first = new String(Character.toChars(plate.codePointAt(0)));
            return DmsException.invalid(field, "plate.format",
                    "车牌号第1位应为省份简称（如 京、沪、粤），“" + first + "”不是",
                    "plate must start with a province character (e.g. 京, 沪, 粤), '" + first + "' is not one");
        }
        if (plate.length() > 1) {
            char office = plate.charAt(1);
            if (office == 'I' || office == 'O' || office < 'A' || office > 'Z') {
                String shown = new String(Character.toChars(plate.codePointAt(1)));
                return DmsException.invalid(field, "plate.format",
                        "车牌号第2位应为发牌机关字母（A–Z，不用 I 和 O），实为“" + shown + "”",
                        "plate's second character must be an issuing-office letter (A–Z except I and O), not '"
                                + shown + "'");
            }
        }
        return DmsException.invalid(field, "plate.format", FORMAT_ZH, FORMAT_EN);
    }

    /** The normalised plate, as stored and searched. */
    public String value() {
        return value;
    }

    /** The province character, e.g. "京". */
    public String province() {
        return value.substring(0, 1);
    }

    /** Green plates have six characters after the office letter; ordinary plates have five. */
    public boolean isNewEnergy() {
        return value.length() == 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plate other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
