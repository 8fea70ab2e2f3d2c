package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the cashier decides when settling a completed work order. Everything but the work order is optional.
 *
 * @param workOrderId the work order, COMPLETED (or DELIVERED with permission to pay later)
 * @param jobPayers   a job's payer when it differs from its pay type (job id → payer), e.g. GOODWILL
 * @param linePayers  a line's payer when it differs from its job's (line id → payer)
 * @param discounts   a whole-bill discount per payer, yuan (at most 2 decimals), spread over that document's lines
 * @param payerNames  the insurer's or manufacturer's name on their documents
 * @param roundTo     抹零 of the customer's document; null is NONE
 */
public record SettleRequest(long workOrderId, Map<Long, Payer> jobPayers, Map<Long, Payer> linePayers,
        Map<Payer, BigDecimal> discounts, Map<Payer, String> payerNames, Rounding roundTo) {

    public SettleRequest {
        jobPayers = jobPayers == null ? Map.of() : Map.copyOf(jobPayers);
        linePayers = linePayers == null ? Map.of() : Map.copyOf(linePayers);
        discounts = discounts == null ? Map.of() : Map.copyOf(discounts);
        payerNames = payerNames == null ? Map.of() : Map.copyOf(payerNames);
    }

    /** Every job and line paid as the work order says, no discount, no rounding. */
    public static SettleRequest of(long workOrderId) {
        return new SettleRequest(workOrderId, null, null, null, null, Rounding.NONE);
    }
}
