package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One use of a count card at settlement ({@code back} false), or its putting back when the settlement was reversed or
 * the payment failed ({@code back} true).
 *
 * @param value what the use paid: the job's covered lines with their VAT
 */
public record CardUse(long id, long cardId, long settlementId, String settlementNumber, Long jobId, BigDecimal value,
        boolean back, Instant at, String by) {
}
