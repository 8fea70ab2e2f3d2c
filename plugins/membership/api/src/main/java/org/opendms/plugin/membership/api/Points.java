package org.opendms.plugin.membership.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Points (积分): earned on what a member pays of the customer's settled bills (not on warranty, insurance or internal
 * documents, nor on what count cards, coupons or points paid), taken back when the bill is reversed, redeemed at the
 * cashier as the {@code POINTS} tender (the member's number as reference) up to the tier's share of the bill, and
 * expiring oldest first.
 */
@ProviderType
public interface Points {

    /** The tender method of points at the cashier. */
    String POINTS = "POINTS";

    /** The member's points now (may be below 0 when a reversal took back points already spent). */
    long balance(long memberId, Actor actor);

    Page<PointsEntry> ledger(long memberId, PageRequest page, Actor actor);

    PointsRules rules(String tier, Actor actor);

    /** Sets a tier's rules ({@code membership.rules.edit}); If-Match the version read. */
    PointsRules setRules(PointsRules rules, long expectedVersion, Actor actor);

    /** Adds or deducts points by hand ({@code membership.adjust}) with a reason. */
    PointsEntry adjust(long memberId, String direction, long points, String reason, Actor actor);
}
