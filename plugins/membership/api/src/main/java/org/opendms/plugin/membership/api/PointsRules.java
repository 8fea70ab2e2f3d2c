package org.opendms.plugin.membership.api;

import java.math.BigDecimal;

/**
 * How a tier earns and spends points (积分规则).
 *
 * @param labourRate    points per yuan of labour paid (with its VAT), e.g. 1
 * @param partsRate     points per yuan of parts paid
 * @param otherRate     points per yuan of sublet, fees and the handling fee
 * @param pointsPerYuan points that pay one yuan at the cashier, e.g. 100
 * @param maxShare      the largest share of a bill points may pay, 0 – 1, e.g. 0.5
 * @param expiryMonths  points expire at the end of the month this many months after the month they were earned
 */
public record PointsRules(String tier, BigDecimal labourRate, BigDecimal partsRate, BigDecimal otherRate,
        Integer pointsPerYuan, BigDecimal maxShare, Integer expiryMonths, long version) {
}
