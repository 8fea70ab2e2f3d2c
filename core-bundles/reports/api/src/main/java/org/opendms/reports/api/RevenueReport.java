package org.opendms.reports.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Revenue and margins of a period (营业收入与毛利).
 *
 * @param buckets           one per day, week, … that overlaps the period, oldest first (the first and last may be cut
 *                          by the period)
 * @param total             the whole period
 * @param labourCost        the technicians' direct wages of the period's months (pro rata to the days); null when
 *                          not entered
 * @param labourMargin      labour − labourCost; null without wages
 * @param partsMargin       parts − partsCost
 * @param ticketPerVehicle  车单价: net ÷ settled vehicles; null with none
 * @param ticketPerCustomer 客单价: net without warranty and insurance ÷ vehicles settled with a customer document;
 *                          null with none
 */
public record RevenueReport(Period period, Granularity granularity, List<RevenueBucket> buckets, RevenueBucket total,
        BigDecimal labourCost, BigDecimal labourMargin, BigDecimal partsMargin, long settledVehicles,
        BigDecimal ticketPerVehicle, BigDecimal ticketPerCustomer) {

    public RevenueReport {
        buckets = List.copyOf(buckets);
    }
}
