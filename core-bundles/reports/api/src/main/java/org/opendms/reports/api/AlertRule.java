package org.opendms.reports.api;

import java.math.BigDecimal;

/**
 * A rule the shop's week is checked against (预警规则).
 *
 * @param code      {@code visits_drop}: the week's vehicles in fell by at least {@code threshold} (0.30: 30 %) from
 *                  the average of the four weeks before; {@code comeback_rate}: the week's comeback rate is over
 *                  {@code threshold}; {@code on_time_delivery}: the week's on-time delivery is under {@code threshold}
 * @param threshold a share, 0 to 1
 */
public record AlertRule(String code, String nameZh, String nameEn, boolean enabled, BigDecimal threshold) {
}
