package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A coupon issued to a member: used once, as the {@code COUPON} tender (reference: its code).
 *
 * @param usedSettlementId the bill it paid; null while unused (or put back by a reversal)
 * @param usedAmount       what it took off that bill
 */
public record Coupon(long id, String code, long campaignId, String campaignName, long memberId, String kind,
        BigDecimal value, BigDecimal threshold, LocalDate validFrom, LocalDate validTo, Long usedSettlementId,
        BigDecimal usedAmount) {
}
