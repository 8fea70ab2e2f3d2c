package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/**
 * A part's ABC class by consumption value (issue cost) over the period: A the parts making the first 80 % of the
 * value, B the next 15 %, C the rest and parts without consumption.
 *
 * @param consumptionValue the cost of what was issued in the period, yuan
 * @param share            its share of the total, 0–1 (4 decimals)
 * @param cumulativeShare  the running share in descending order of value, 0–1 (4 decimals)
 */
public record AbcClass(long partId, String partNumber, String partName, BigDecimal consumptionValue,
        BigDecimal share, BigDecimal cumulativeShare, char abcClass) {
}
