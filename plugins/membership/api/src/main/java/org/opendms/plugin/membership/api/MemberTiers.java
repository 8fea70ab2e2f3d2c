package org.opendms.plugin.membership.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tiers' benefits and tiers bought. A member's tier is the higher of the one their last twelve months' spend reaches
 * (the shop's {@code tiers} rule) and one they bought that still runs. Permissions: {@code membership.member.read} to
 * read, {@code membership.rules.edit} (the manager) to set benefits, {@code membership.card.sell} (the cashier) to
 * sell a tier.
 *
 * @since 1.1
 */
@ProviderType
public interface MemberTiers {

    /** Every tier of the shop's rule, lowest first, with what it gives. */
    List<TierBenefit> benefits(Actor actor);

    /**
     * Sets what a tier gives, at the version read.
     *
     * @throws DmsException INVALID_INPUT {@code labourOff}, {@code partsOff}; NOT_FOUND {@code tier}; CONFLICT
     *                      {@code stale_version}
     */
    TierBenefit setBenefit(TierBenefit benefit, long expectedVersion, Actor actor);

    /**
     * Sells the member a tier at the shop's price for it ({@code tierPurchases}, e.g. {@code GOLD:299:12}): it runs
     * from today for that many months, and the member's tier is evaluated at once.
     *
     * @throws DmsException INVALID_INPUT {@code tier} (not for sale), {@code paidWith}, {@code reference}; NOT_FOUND;
     *                      CONFLICT {@code member.inactive}, {@code cashup.closed} (the cashier's day is closed)
     */
    TierPurchase buy(long memberId, String tier, String paidWith, String reference, Actor actor);

    /** The member's tiers bought, newest first. */
    List<TierPurchase> purchases(long memberId, Actor actor);
}
