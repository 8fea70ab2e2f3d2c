package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.opendms.platform.api.Violations;

/** Field checks purchasing and stocktake share: every wrong field collected, values returned cleaned. */
public final class Checks {

    public static final BigDecimal QUANTITY_MAX = new BigDecimal("9999999.99");
    public static final BigDecimal PRICE_MAX = new BigDecimal("9999999999.9999");

    private Checks() {
    }

    /** Stripped text, null when blank; a required one missing and one too long are named. */
    public static String text(Violations v, String field, String value, int max, boolean required) {
        String s = value == null ? null : value.strip();
        if (s != null && s.isEmpty()) {
            s = null;
        }
        if (s == null) {
            if (required) {
                v.add(field, "required", field + " 不能为空", field + " is required");
            }
            return null;
        }
        v.maxLength(field, s, max);
        return s;
    }

    /** A quantity above 0 with at most 2 decimals (litres of oil), scaled to 2. */
    public static BigDecimal quantity(Violations v, String field, BigDecimal q) {
        if (q == null) {
            v.add(field, "required", field + " 不能为空", field + " is required");
            return null;
        }
        if (q.signum() <= 0 || q.compareTo(QUANTITY_MAX) > 0) {
            v.add(field, "out_of_range", field + " 必须大于 0 且不超过 " + QUANTITY_MAX.toPlainString(),
                    field + " must be above 0 and at most " + QUANTITY_MAX.toPlainString());
            return null;
        }
        if (q.stripTrailingZeros().scale() > 2) {
            v.add(field, "too_precise", field + " 最多两位小数", field + " has at most 2 decimals");
            return null;
        }
        return q.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A counted quantity: as {@link #quantity} but 0 allowed. */
    public static BigDecimal count(Violations v, String field, BigDecimal q) {
        if (q != null && q.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (q != null && q.signum() < 0) {
            v.add(field, "out_of_range", field + " 不能小于 0", field + " must not be below 0");
            return null;
        }
        return quantity(v, field, q);
    }

    /** A unit price from 0 with at most 4 decimals, scaled to 4; null stays null unless required. */
    public static BigDecimal price(Violations v, String field, BigDecimal p, boolean required) {
        if (p == null) {
            if (required) {
                v.add(field, "required", field + " 不能为空", field + " is required");
            }
            return null;
        }
        if (p.signum() < 0 || p.compareTo(PRICE_MAX) > 0) {
            v.add(field, "out_of_range", field + " 必须在 0 到 " + PRICE_MAX.toPlainString() + " 之间",
                    field + " must be from 0 to " + PRICE_MAX.toPlainString());
            return null;
        }
        if (p.stripTrailingZeros().scale() > 4) {
            v.add(field, "too_precise", field + " 最多四位小数", field + " has at most 4 decimals");
            return null;
        }
        return p.setScale(4, RoundingMode.UNNECESSARY);
    }

    /** Yuan, 2 decimals, half up. */
    public static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A reason for a cancellation or a recount: required, at most 200 characters. */
    public static String reason(String reason) {
        Violations v = new Violations();
        String r = text(v, "reason", reason, 200, true);
        if (r == null && v.isEmpty()) {
            v.add("reason", "required", "请填写原因", "a reason is required");
        }
        v.throwIfAny();
        return r;
    }
}
