package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement of a member's stored value; signed: what it added (+) or took (−). Never edited: a correction is
 * another entry.
 *
 * @param settlementId the settlement paid or reversed (payments and their putting back), else null
 * @param reference    the top-up's receipt or the payment's document number; the authorisation code of a payment
 * @param reason       why, for refunds and adjustments
 */
public record StoredValueEntry(long id, long memberId, StoredValueKind kind, BigDecimal principal, BigDecimal bonus,
        BigDecimal principalAfter, BigDecimal bonusAfter, Long settlementId, String reference, String reason,
        Instant at, String by) {
}
