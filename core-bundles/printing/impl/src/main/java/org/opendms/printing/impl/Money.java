package org.opendms.printing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in Chinese capital numerals (大写), as bills print them so that nobody can alter the figure. */
final class Money {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = { "", "拾", "佰", "仟" };
    private static final String[] GROUPS = { "", "万", "亿", "万亿" };

    private Money() {
    }

    /** E.g. 1005.30 → 壹仟零伍元叁角整; negative amounts start with 负. */
    static String chinese(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        String sign = a.signum() < 0 ? "负" : "";
        a = a.abs();
        long yuan = a.longValue();
        int fen = a.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValue();
        StringBuilder s = new StringBuilder(sign);
        if (yuan > 0) {
            s.append(integer(yuan)).append('元');
        }
        int jiao = fen / 10;
        int f = fen % 10;
        if (jiao == 0 && f == 0) {
            if (yuan == 0) {
                s.append("零元");
            }
            return s.append('整').toString();
        }
        if (jiao > 0) {
            s.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            s.append('零');
        }
        if (f > 0) {
            s.append(DIGITS.charAt(f)).append('分');
        } else {
            s.append('整');
        }
        return s.toString();
    }

    private static String integer(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean zeroPending = false;
        while (n > 0) {
            int part = (int) (n % 10000);
            if (part != 0) {
                String p = fourDigits(part) + GROUPS[group];
                if (zeroPending) {
                    p = p + "零";
                }
                out.insert(0, p);
                zeroPending = part < 1000;
            } else {
                zeroPending = out.length() > 0;
            }
            n /= 10000;
            group++;
        }
        String s = out.toString();
        return s.startsWith("零") ? s.substring(1) : s.replace("零零", "零");
    }

    private static String fourDigits(int part) {
        StringBuilder s = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = (int) (part / Math.pow(10, i)) % 10;
            if (d == 0) {
                zero = s.length() > 0;
            } else {
                if (zero) {
                    s.append('零');
                    zero = false;
                }
                s.append(DIGITS.charAt(d)).append(UNITS[i]);
            }
        }
        return s.toString();
    }
}
