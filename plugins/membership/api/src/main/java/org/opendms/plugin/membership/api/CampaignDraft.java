package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the manager sets it up: the coupon every member it reaches gets.
 *
 * @param kind       AMOUNT (value yuan off) or PERCENT (value % off the bill, or off the lines of the operations)
 * @param value      yuan for AMOUNT (0.01 – 10,000), percent for PERCENT (1 – 100)
 * @param threshold  the least bill it may be used on (满 … 可用); null: any
 * @param operations labour operation codes it applies to (a PERCENT coupon takes off their lines only); empty: the
 *                   whole bill
 * @param tier       only members of this tier; null: every tier
 * @param tag        only members whose customer has this tag (e.g. VIP, 车队); null: any
 */
public record CampaignDraft(String code, String name, String kind, BigDecimal value, BigDecimal threshold,
        LocalDate validFrom, LocalDate validTo, List<String> operations, String tier, String tag) {
}
