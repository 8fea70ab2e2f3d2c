package org.opendms.plugin.membership.api;

import java.math.BigDecimal;

/**
 * A member's stored value now.
 *
 * @param principal what the customer paid in and has not spent: owed to the customer (a liability)
 * @param bonus     given on top of top-ups and not spent: spendable, never paid out
 * @param total     principal + bonus: what the member can pay with
 */
public record Balance(long memberId, String memberNumber, BigDecimal principal, BigDecimal bonus, BigDecimal total,
        long version) {
}
