package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A campaign (营销活动) and the coupons it issues; see {@link CampaignDraft}. */
public record Campaign(long id, String code, String name, String kind, BigDecimal value, BigDecimal threshold,
        LocalDate validFrom, LocalDate validTo, List<String> operations, String tier, String tag, Instant createdAt,
        String createdBy) {

    public Campaign {
        operations = List.copyOf(operations);
    }
}
