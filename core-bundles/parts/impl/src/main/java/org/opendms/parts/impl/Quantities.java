package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.opendms.platform.api.Violations;

/** The checks and arithmetic of quantities, money and unit costs, the same everywhere in the parts bundles. */
final class Quantities {

    /** The most a single line moves or a limit may be. */
    static final BigDecimal MAX = new BigDecimal("999999");
    static final BigDecimal MAX_MONEY = new BigDecimal("999999999");

    private Quantities() {
    }

    /**
     * Checks a quantity: present, not 0 (more than 0 unless {@code signed}), at most 2 decimals, whole units for a part
     * not counted in decimals, at most {@link #MAX}. Returns it with scale 2, or null when refused.
     */
    static BigDecimal quantity(Violations v, String field, BigDecimal q, boolean signed, boolean decimal) {
        if (q == null) {
            v.add(field, "required", "请填写数量", "quantity is required");
            return null;
        }
        if (signed ? q.signum() == 0 : q.signum() <= 0) {
            v.add(field, signed ? "not_zero" : "not_positive", signed ? "数量不能为 0" : "数量必须大于 0",
                    signed ? "quantity must not be 0" : "quantity must be more than 0");
            return null;
        }
        if (q.stripTrailingZeros().scale() > 2) {
            v.add(field, "scale", "数量最多两位小数", "quantity has at most 2 decimals");
            return null;
        }
        if (!decimal && q.stripTrailingZeros().scale() > 0) {
            v.add(field, "whole_units", "该配件按整数计量，数量不能有小数", "this part is counted in whole units");
            return null;
        }
        if (q.abs().compareTo(MAX) > 0) {
            v.add(field, "too_large", "数量不能超过 999999", "quantity must be at most 999999");
            return null;
        }
        return q.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Checks an optional amount of money: 0 or more, at most 2 decimals. Returns it with scale 2 (null stays null). */
    static BigDecimal money(Violations v, String field, BigDecimal m, boolean required) {
        if (m == null) {
            if (required) {
                v.add(field, "required", field + " 不能为空", field + " is required");
            }
            return null;
        }
        if (m.signum() < 0 || m.stripTrailingZeros().scale() > 2 || m.compareTo(MAX_MONEY) > 0) {
            v.add(field, "invalid_amount", field + " 必须是 0 到 999999999 之间、最多两位小数的金额",
                    field + " must be an amount from 0 to 999999999 with at most 2 decimals");
            return null;
        }
        return m.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Checks a unit cost: 0 or more, at most 4 decimals. Returns it with scale 4. */
    static BigDecimal unitCost(Violations v, String field, BigDecimal c) {
        if (c.signum() < 0 || c.stripTrailingZeros().scale() > 4 || c.compareTo(MAX_MONEY) > 0) {
            v.add(field, "invalid_cost", "单位成本必须大于等于 0，最多四位小数",
                    "unit cost must be 0 or more with at most 4 decimals");
            return null;
        }
        return c.setScale(4, RoundingMode.UNNECESSARY);
    }

    static BigDecimal cost(BigDecimal c) {
        return c.setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal value(BigDecimal quantity, BigDecimal unitCost) {
        return quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
    }

    /** The moving average after {@code quantity} came in at {@code unitCost} on top of what was there. */
    static BigDecimal average(BigDecimal onHand, BigDecimal average, BigDecimal quantity, BigDecimal unitCost) {
        BigDecimal total = onHand.add(quantity);
        if (total.signum() <= 0) {
            return cost(unitCost);
        }
        return onHand.multiply(average).add(quantity.multiply(unitCost)).divide(total, 4, RoundingMode.HALF_UP);
    }

    static BigDecimal scale2(BigDecimal q) {
        return q == null ? null : q.setScale(2, RoundingMode.HALF_UP);
    }

    /** A plain number for messages: 2.00 as 2, 1.50 as 1.5. */
    static String show(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    /** A trimmed text, null when blank. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
