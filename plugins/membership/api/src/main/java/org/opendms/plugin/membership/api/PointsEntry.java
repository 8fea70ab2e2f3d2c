package org.opendms.plugin.membership.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One movement of a member's points; signed. Never edited.
 *
 * @param kind      EARN (on a settled bill), TAKE_BACK (its bill reversed), REDEEM (paid a bill), REDEEM_BACK (that
 *                  payment put back), EXPIRE, ADJUST (by the manager, with a reason)
 * @param expiresOn for EARN: the day its points expire
 */
public record PointsEntry(long id, long memberId, String kind, long points, long balanceAfter, Long settlementId,
        String reference, String reason, LocalDate expiresOn, Instant at, String by) {
}
