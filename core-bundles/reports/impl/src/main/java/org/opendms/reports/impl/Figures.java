package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The recorded inputs of a period's KPIs, summed from the facts (see {@link FactQueries}).
 *
 * @param vehiclesIn       visits opened in the period, cancelled ones left out
 * @param visitsByType     of them, per visit type
 * @param soldHours        收费工时 of the work orders completed in the period
 * @param actualHours      实际工时 clocked on them
 * @param labourRevenue    labour nets of the documents settled in the period, reversals negative
 * @param partsRevenue     parts nets, likewise
 * @param otherRevenue     sublet, fees, handling fee
 * @param revenueByType    net per visit type (three KPI types)
 * @param settledByType    vehicles settled per visit type
 * @param settledVehicles  work orders with a document settled in the period
 * @param customerRevenue  net of documents not paid by an insurer or the manufacturer
 * @param customerVehicles work orders with such a document
 * @param comebacks        visits opened in the period confirmed as comebacks (返修)
 * @param delivered        delivered in the period with a promised time
 * @param onTime           of them, by the promised time
 */
record Figures(long vehiclesIn, Map<String, Long> visitsByType, BigDecimal soldHours, BigDecimal actualHours,
        BigDecimal labourRevenue, BigDecimal partsRevenue, BigDecimal otherRevenue,
        Map<String, BigDecimal> revenueByType,
        Map<String, Long> settledByType, long settledVehicles, BigDecimal customerRevenue, long customerVehicles,
        long comebacks, long delivered, long onTime) {

    BigDecimal revenue() {
        return labourRevenue.add(partsRevenue).add(otherRevenue);
    }
}
