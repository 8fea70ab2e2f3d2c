package org.opendms.vehicle.api;

import java.util.Locale;

import org.opendms.platform.api.DmsException;

/**
 * A vehicle identification number that has passed its check digit. A VIN is copied by hand from the
 * windscreen or the registration certificate (行驶证), and one mistyped character makes warranty claims
 * and recall look-ups at the manufacturer fail later, far from the person who typed it. GB 16735 makes
 * position 9 a check digit, so most such slips are caught here, while the customer is still at the desk.
 */
public final class Vin {

    private static final int LENGTH = 17;

    /** Longer raw input is refused before copying it: no VIN, however spaced, comes near this. */
    private static final int MAX_RAW_LENGTH = 40;

    private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

    private final String value;

    private Vin(String value) {
        this.value = value;
    }

    /**
     * Normalises and checks a VIN typed by a person.
     *
     * @param field the input field to name in a refusal
     *
     * @throws DmsException (invalid input) with code {@code required}, {@code vin.length},
     *                      {@code vin.character} or {@code vin.check_digit}
     */
    public static Vin parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DmsException.invalid(field, "required", "请填写车架号", "VIN is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw DmsException.invalid(field, "vin.length", "车架号应为17位，输入过长",
                    "VIN must be 17 characters, the input is far longer");
        }
        String vin = normaliseFragment(raw);
        if (vin.length() != LENGTH) {
            throw DmsException.invalid(field, "vin.length",
                    "车架号应为17位，实为" + vin.length() + "位",
                    "VIN must be 17 characters but has " + vin.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = vin.charAt(i);
            if (transliterate(c) < 0) {
                String shown = new String(Character.toChars(vin.codePointAt(i)));
                int position = i + 1;
                throw DmsException.invalid(field, "vin.character",
                        "车架号第" + position + "位“" + shown + "”不允许：只能是数字和字母，且不用 I、O、Q",
                        "VIN character '" + shown + "' at position " + position
                                + " is not allowed: only digits and letters other than I, O and Q");
            }
        }
        char expected = checkDigit(vin);
        char actual = vin.charAt(8);
        if (actual != expected) {
            throw DmsException.invalid(field, "vin.check_digit",
                    "车架号校验位（第9位）应为 " + expected + "，实为 " + actual + "，请核对是否抄错",
                    "VIN check digit (position 9) should be " + expected + " but is " + actual
                            + "; check the VIN for a mistyped character");
        }
        return new Vin(vin);
    }

    /**
     * The check digit (ISO 3779 / North-American scheme, as GB 16735 requires) for 17 VIN characters;
     * position 9 itself does not count.
     *
     * @throws IllegalArgumentException if the text is not 17 allowed VIN characters
     */
    public static char checkDigit(String seventeenChars) {
        if (seventeenChars == null || seventeenChars.length() != LENGTH) {
            throw new IllegalArgumentException("a VIN has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = transliterate(seventeenChars.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a VIN character at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** The value of a VIN character in the check-digit sum; -1 for a character a VIN never has. */
    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
        case 'A', 'J' -> 1;
        case 'B', 'K', 'S' -> 2;
        case 'C', 'L', 'T' -> 3;
        case 'D', 'M', 'U' -> 4;
        case 'E', 'N', 'V' -> 5;
        case 'F', 'W' -> 6;
        case 'G', 'P', 'X' -> 7;
        case 'H', 'Y' -> 8;
        case 'R', 'Z' -> 9;
        default -> -1; // I, O, Q and anything that is not an upper-case letter or digit
        };
    }

    /**
     * The normalisation of {@link #parse} without the checks, so that a search by the part of a VIN
     * someone can read off a car ("lsv 2183294") matches how VINs are stored.
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
            // a Chinese IME in full-width mode types Ａ１ for A1
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                s.append(c);
            }
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a normalised text ({@link #normaliseFragment}) could be part of a VIN: digits and the letters A–Z but
     * I, O and Q.
     */
    public static boolean couldBePartOfVin(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return false;
        }
        return normalised.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q'));
    }

    /** The 17 characters, upper case. */
    public String value() {
        return value;
    }

    /** World manufacturer identifier (positions 1–3), e.g. "LSV" for SAIC Volkswagen. */
    public String wmi() {
        return value.substring(0, 3);
    }

    /** Position 10; the letter or digit for the model year, which repeats every 30 years. */
    public char modelYearCode() {
        return value.charAt(9);
    }

    /** Positions 12–17, the serial that workshops and insurers quote. */
    public String lastSix() {
        return value.substring(11);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vin other && value.equals(other.value);
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
