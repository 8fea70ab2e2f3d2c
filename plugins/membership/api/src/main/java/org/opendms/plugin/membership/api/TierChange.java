package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's move between tiers, by the shop's rule: the member's spend over the last twelve months (the payable of
 * their own settled bills, reversals taken off) reaching a tier's threshold, or falling below it.
 */
public record TierChange(long memberId, String from, String to, BigDecimal spend, Instant at) {
}
