package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opendms.platform.api.Actor;

/**
 * The price authority's rules, without a database: the discount limits of the roles from the configuration, and
 * whether a price needs the service manager.
 */
final class PriceRules {

    static final String BELOW_LIST = "price.below_list";
    static final String OVER_LIMIT = "discount.over_limit";
    static final String DEFAULT_LIMITS = "advisor=10,foreman=0,manager=unlimited,admin=unlimited";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PriceRules() {
    }

    /**
     * The discount limits by role, in percent (0 to 100, at most 2 decimals) or unlimited; a role not named has 0.
     * A person with several roles has the largest limit of them.
     */
    record Limits(Map<String, BigDecimal> percentByRole, Set<String> unlimited) {

        static final Limits DEFAULTS = parse(DEFAULT_LIMITS);

        /** The actor's limit in percent; null for none. */
        BigDecimal of(Actor actor) {
            if (actor.roles().stream().anyMatch(unlimited::contains)) {
                return null;
            }
            return actor.roles().stream().map(r -> percentByRole.getOrDefault(r, BigDecimal.ZERO))
                    .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO).setScale(2);
        }

        /** From "advisor=10,foreman=0,manager=unlimited"; null when an entry is not role=percent or role=unlimited. */
        static Limits parse(String raw) {
            Map<String, BigDecimal> percent = new HashMap<>();
            Set<String> unlimited = new HashSet<>();
            if (raw == null || raw.isBlank()) {
                return new Limits(Map.of(), Set.of());
            }
            for (String entry : raw.split(",")) {
                String[] kv = entry.split("=", -1);
                if (kv.length != 2 || kv[0].isBlank()) {
                    return null;
                }
                String role = kv[0].strip().toLowerCase(Locale.ROOT);
                String value = kv[1].strip();
                if (percent.containsKey(role) || unlimited.contains(role)) {
                    return null;
                }
                if (value.equalsIgnoreCase("unlimited")) {
                    unlimited.add(role);
                    continue;
                }
                try {
                    BigDecimal p = new BigDecimal(value);
                    if (p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.stripTrailingZeros().scale() > 2) {
                        return null;
                    }
                    percent.put(role, p.setScale(2));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return new Limits(Map.copyOf(percent), Set.copyOf(unlimited));
        }
    }

    /**
     * What a price needs approval for, compared with the line as it was (null values for a new line): a unit price
     * below the list price and lower than before, a discount above the limit and a larger share than before.
     *
     * @param discountPercent the new discount in percent of quantity × unit price
     * @param exceeds         {@link #BELOW_LIST} and/or {@link #OVER_LIMIT}; empty when the price needs nobody
     */
    record Screening(BigDecimal listPrice, BigDecimal discountPercent, BigDecimal limitPercent, List<String> exceeds) {

        boolean needsManager() {
            return !exceeds.isEmpty();
        }
    }

    static Screening screen(BigDecimal listPrice, BigDecimal quantity, BigDecimal oldUnitPrice, BigDecimal oldDiscount,
            BigDecimal unitPrice, BigDecimal discount, BigDecimal limitPercent) {
        List<String> exceeds = new ArrayList<>();
        if (listPrice != null && unitPrice.compareTo(listPrice) < 0
                && (oldUnitPrice == null || unitPrice.compareTo(oldUnitPrice) < 0)) {
            exceeds.add(BELOW_LIST);
        }
        if (limitPercent != null && discount.signum() > 0 && overLimit(quantity, unitPrice, discount, limitPercent)
                && (oldUnitPrice == null || largerShare(unitPrice, discount, oldUnitPrice, oldDiscount))) {
            exceeds.add(OVER_LIMIT);
        }
        return new Screening(listPrice, percent(quantity, unitPrice, discount), limitPercent, List.copyOf(exceeds));
    }

    /** discount ÷ unitPrice more than oldDiscount ÷ oldUnitPrice (the quantity is the same), compared exactly. */
    private static boolean largerShare(BigDecimal unitPrice, BigDecimal discount, BigDecimal oldUnitPrice,
            BigDecimal oldDiscount) {
        if (unitPrice.signum() == 0 || oldUnitPrice.signum() == 0) {
            return discount.compareTo(oldDiscount) > 0 || oldUnitPrice.signum() != 0;
        }
        return discount.multiply(oldUnitPrice).compareTo(oldDiscount.multiply(unitPrice)) > 0;
    }

    /** Discount in percent of quantity × unit price, 2 decimals; 100 when there is nothing to take it from. */
    static BigDecimal percent(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
        BigDecimal gross = quantity.multiply(unitPrice);
        if (discount.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (gross.signum() == 0) {
            return HUNDRED.setScale(2);
        }
        return discount.multiply(HUNDRED).divide(gross, 2, RoundingMode.HALF_UP);
    }

    /** Compared exactly, not on the rounded percent: 10.004 % is over a 10 % limit. */
    private static boolean overLimit(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal limit) {
        return discount.multiply(HUNDRED).compareTo(limit.multiply(quantity).multiply(unitPrice)) > 0;
    }

    /** A line's net: quantity × unit price − discount, rounded HALF_UP to the fen. */
    static BigDecimal net(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
        return quantity.multiply(unitPrice).subtract(discount).setScale(2, RoundingMode.HALF_UP);
    }

    static String zh(List<String> exceeds, Screening s) {
        List<String> parts = new ArrayList<>();
        if (exceeds.contains(BELOW_LIST)) {
            parts.add("单价低于目录价 " + s.listPrice().toPlainString() + " 元");
        }
        if (exceeds.contains(OVER_LIMIT)) {
            parts.add("折扣 " + s.discountPercent().toPlainString() + "% 超出折扣权限 " + s.limitPercent().toPlainString()
                    + "%");
        }
        return String.join("，", parts);
    }

    static String en(List<String> exceeds, Screening s) {
        List<String> parts = new ArrayList<>();
        if (exceeds.contains(BELOW_LIST)) {
            parts.add("the unit price is below the list price of " + s.listPrice().toPlainString() + " yuan");
        }
        if (exceeds.contains(OVER_LIMIT)) {
            parts.add("the discount of " + s.discountPercent().toPlainString() + " % is above your limit of "
                    + s.limitPercent().toPlainString() + " %");
        }
        return String.join(" and ", parts);
    }
}
