package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The membership at the end of a shop day, for the manager and the group office.
 *
 * @param membersByTier     active members per tier now
 * @param liability         stored value owed at the day's end (principal, bonus)
 * @param pointsOutstanding points held by members now (above 0)
 * @param cardsSold         count cards sold up to the day, and what they were sold for
 * @param usesSold          uses on those cards
 * @param usesTaken         uses taken (less those put back)
 * @param usesLeft          uses left on cards not yet expired
 * @param campaigns         each campaign's results
 */
public record MembershipSummary(LocalDate day, Map<String, Long> membersByTier, Liability liability,
        long pointsOutstanding, long cardsSold, BigDecimal cardsRevenue, long usesSold, long usesTaken, long usesLeft,
        List<CampaignResult> campaigns) {

    public MembershipSummary {
        membersByTier = Map.copyOf(membersByTier);
        campaigns = List.copyOf(campaigns);
    }
}
