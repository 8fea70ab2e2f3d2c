package org.opendms.printing.api;

import java.util.Locale;

import org.opendms.platform.api.DmsException;

/**
 * The paper a sheet is laid out for, in millimetres. {@link #CONTINUOUS_241} is the 241 mm (9.5 inch) fan-fold paper of
 * dot-matrix printers that shops print multi-part forms on, 11 inches (279.4 mm) per sheet.
 */
public enum Paper {
    A4("A4", 210f, 297f), A5("A5", 148f, 210f), CONTINUOUS_241("241", 241f, 279.4f);

    private final String code;
    private final float widthMm;
    private final float heightMm;

    Paper(String code, float widthMm, float heightMm) {
        this.code = code;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /** As in URLs: A4, A5 or 241. */
    public String code() {
        return code;
    }

    public float widthMm() {
        return widthMm;
    }

    public float heightMm() {
        return heightMm;
    }

    /**
     * A4 when null or blank.
     *
     * @throws DmsException INVALID_INPUT naming {@code paper} for anything but A4, A5 or 241
     */
    public static Paper of(String raw) {
        if (raw == null || raw.isBlank()) {
            return A4;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        for (Paper p : values()) {
            if (p.code.equals(s) || p.name().equals(s)) {
                return p;
            }
        }
        throw DmsException.invalid("paper", "wrong_type", "paper 应为 A4、A5 或 241", "paper must be A4, A5 or 241");
    }
}
