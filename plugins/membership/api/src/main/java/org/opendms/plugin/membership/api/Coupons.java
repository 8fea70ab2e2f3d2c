package org.opendms.plugin.membership.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Campaigns and coupons (营销活动与优惠券): the manager sets up a campaign ({@code membership.rules.edit}) and issues its
 * coupon to the members it reaches (by tier and customer tag), once per member; a coupon pays once as the
 * {@code COUPON} tender and goes back when its bill is reversed.
 */
@ProviderType
public interface Coupons {

    /** The tender method of coupons at the cashier. */
    String COUPON = "COUPON";

    Campaign create(CampaignDraft draft, Actor actor);

    List<Campaign> campaigns(Actor actor);

    /** Issues the campaign's coupon to every active member it reaches who has none of it yet; answers how many. */
    int issue(long campaignId, Actor actor);

    /** The member's coupons, newest first. */
    List<Coupon> ofMember(long memberId, Actor actor);

    /** Issued, used, discount given and revenue of each campaign, newest first. */
    List<CampaignResult> results(Actor actor);
}
