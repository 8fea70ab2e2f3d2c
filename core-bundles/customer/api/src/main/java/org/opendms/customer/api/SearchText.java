package org.opendms.customer.api;

import org.opendms.platform.api.DmsException;

/**
 * What a person typed into a customer search, as the personal-data access record keeps it: masked, but with its
 * length and shape, so that a manager sees a search narrowing character by character without the record itself
 * giving the number or name away.
 */
public final class SearchText {

    /** Text at least this long keeps its last four characters (as a masked mobile does). */
    private static final int SHOWS_TAIL_FROM = 8;

    private SearchText() {
    }

    /**
     * A whole mobile becomes its masked form (138****1234); other text keeps its first character and, from 8
     * characters on, its last four; every other character becomes {@code *} ("张伟" → "张*", "1381234" → "1******").
     */
    public static String masked(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        Mobile mobile = wholeMobile(t);
        if (mobile != null) {
            return mobile.masked();
        }
        int[] cps = t.codePoints().toArray();
        StringBuilder s = new StringBuilder(cps.length);
        for (int i = 0; i < cps.length; i++) {
            boolean shown = i == 0 || (cps.length >= SHOWS_TAIL_FROM && i >= cps.length - 4);
            if (shown) {
                s.appendCodePoint(cps[i]);
            } else {
                s.append('*');
            }
        }
        return s.toString();
    }

    /** The text as a whole mainland mobile (any spelling: +86, spaces, dashes), or null when it is not one. */
    public static Mobile wholeMobile(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Mobile.parse("q", text.strip());
        } catch (DmsException notAMobile) {
            return null;
        }
    }
}
