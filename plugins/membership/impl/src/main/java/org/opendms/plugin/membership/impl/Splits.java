package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How stored value is split between principal and bonus. The split matters: principal is money owed to the customer
 * (a refund pays it back, the balance sheet shows it), bonus is not.
 */
final class Splits {

    /** Which part of the balance a payment uses. */
    enum Order {
        /** In the proportion of the balance (the usual rule for prepaid cards): 1,000 + 100 pays 110 as 100 + 10. */
        PROPORTIONAL,
        /** Principal first, bonus when principal is gone. */
        PRINCIPAL_FIRST,
        /** Bonus first. */
        BONUS_FIRST
    }

    /** Principal and bonus of a movement, each ≥ 0, adding up to what was asked. */
    record Split(BigDecimal principal, BigDecimal bonus) {
        BigDecimal total() {
            return principal.add(bonus);
        }
    }

    private Splits() {
    }

    /** What a payment of {@code amount} takes from a balance that holds at least that much. */
    static Split payment(BigDecimal amount, BigDecimal principal, BigDecimal bonus, Order order) {
        BigDecimal fromBonus = switch (order) {
        case PROPORTIONAL -> principal.add(bonus).signum() == 0 ? BigDecimal.ZERO
                : amount.multiply(bonus).divide(principal.add(bonus), 2, RoundingMode.HALF_UP);
        case PRINCIPAL_FIRST -> amount.subtract(principal).max(BigDecimal.ZERO);
        case BONUS_FIRST -> amount.min(bonus);
        };
        fromBonus = fromBonus.min(bonus);
        BigDecimal fromPrincipal = amount.subtract(fromBonus);
        if (fromPrincipal.compareTo(principal) > 0) { // a cent of rounding: the bonus gives it
            fromBonus = fromBonus.add(fromPrincipal.subtract(principal));
            fromPrincipal = principal;
        }
        return new Split(fromPrincipal.setScale(2), fromBonus.setScale(2));
    }

    /**
     * What putting back {@code amount} of a payment returns, in the payment's own proportion; the last put-back of a
     * payment returns exactly what is left of each part.
     */
    static Split back(BigDecimal amount, Split paid, Split alreadyBack) {
        BigDecimal leftPrincipal = paid.principal().subtract(alreadyBack.principal());
        BigDecimal leftBonus = paid.bonus().subtract(alreadyBack.bonus());
        BigDecimal left = leftPrincipal.add(leftBonus);
        if (amount.compareTo(left) >= 0) {
            return new Split(leftPrincipal.setScale(2), leftBonus.setScale(2));
        }
        BigDecimal bonus = amount.multiply(paid.bonus()).divide(paid.total(), 2, RoundingMode.HALF_UP).min(leftBonus);
        return new Split(amount.subtract(bonus).setScale(2), bonus.setScale(2));
    }

    /** The bonus that goes with a refund of {@code refunded} principal: the same share of the bonus. */
    static BigDecimal bonusForfeited(BigDecimal refunded, BigDecimal principal, BigDecimal bonus) {
        if (refunded.compareTo(principal) >= 0) {
            return bonus.setScale(2);
        }
        return refunded.multiply(bonus).divide(principal, 2, RoundingMode.HALF_UP).min(bonus);
    }

    /**
     * The bonus rule of the shop, e.g. {@code 500:30,1000:100,2000:300}: a top-up of at least the amount gets the
     * bonus of the largest step it reaches.
     */
    static NavigableMap<BigDecimal, BigDecimal> rule(String text) {
        NavigableMap<BigDecimal, BigDecimal> steps = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String step : text.split(",")) {
            String[] parts = step.strip().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a step is AMOUNT:BONUS, not " + step);
            }
            BigDecimal at = new BigDecimal(parts[0].strip());
            BigDecimal give = new BigDecimal(parts[1].strip());
            if (at.signum() <= 0 || give.signum() < 0) {
                throw new IllegalArgumentException("a step's amount is above 0 and its bonus not below: " + step);
            }
            steps.put(at, give.setScale(2));
        }
        return steps;
    }

    static BigDecimal bonusFor(BigDecimal amount, NavigableMap<BigDecimal, BigDecimal> rule) {
        Map.Entry<BigDecimal, BigDecimal> step = rule.floorEntry(amount);
        return step == null ? BigDecimal.ZERO.setScale(2) : step.getValue();
    }
}
