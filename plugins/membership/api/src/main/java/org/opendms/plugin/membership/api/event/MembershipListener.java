package org.opendms.plugin.membership.api.event;

import org.opendms.plugin.membership.api.CardUse;
import org.opendms.plugin.membership.api.Coupon;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.PointsEntry;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.TierChange;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after the change committed, on the thread that made it; a listener that throws is logged and does not undo
 * anything.
 */
@ConsumerType
public interface MembershipListener {

    default void joined(Member member) {
    }

    /** Any stored-value movement: top-up, payment, its putting back, refund, adjustment. */
    default void storedValueMoved(Member member, StoredValueEntry entry) {
    }

    /** A count card used at settlement or put back (1.1). */
    default void cardUsed(CardUse use) {
    }

    /** Points earned, spent, taken back, expired or adjusted (1.1). */
    default void pointsMoved(PointsEntry entry) {
    }

    /** A coupon used at settlement, or given back by a reversal (1.1). */
    default void couponUsed(Coupon coupon) {
    }

    /** A member moved to another tier (1.1). */
    default void tierChanged(TierChange change) {
    }
}
