package org.opendms.plugin.membership.api.event;

import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.StoredValueEntry;
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
}
