package org.opendms.plugin.membership.api;

import java.math.BigDecimal;

/**
 * What a campaign did: coupons issued and used (not put back), what they took off, and the revenue of the bills that
 * used them (their payable, reversed bills not counted).
 */
public record CampaignResult(long campaignId, String code, String name, long issued, long used,
        BigDecimal discountGiven, BigDecimal revenue) {
}
