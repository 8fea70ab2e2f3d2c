package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue of one day, week, month, quarter or year: the settled documents' nets (without VAT), reversals (红冲)
 * counted negative on the day they were made.
 *
 * @param label       e.g. 2026-12-03, 2026-W49, 2026-12, 2026-Q4, 2026
 * @param labour      labour (工时) net
 * @param parts       parts (配件) net
 * @param other       sublet, fees and the handling fee
 * @param net         labour + parts + other
 * @param partsCost   the issue cost of the parts billed (移动平均成本)
 * @param documents   settled documents, reversals counting −1
 * @param byPayer     net per payer (CUSTOMER, INSURER, MANUFACTURER, INTERNAL, GOODWILL)
 * @param byVisitType net per visit type of the work order; a visit with two types counts in both
 */
public record RevenueBucket(String label, LocalDate from, LocalDate to, BigDecimal labour, BigDecimal parts,
        BigDecimal other, BigDecimal net, BigDecimal partsCost, long documents, Map<String, BigDecimal> byPayer,
        Map<String, BigDecimal> byVisitType) {

    public RevenueBucket {
        byPayer = Collections.unmodifiableMap(new TreeMap<>(byPayer));
        byVisitType = Collections.unmodifiableMap(new TreeMap<>(byVisitType));
    }
}
