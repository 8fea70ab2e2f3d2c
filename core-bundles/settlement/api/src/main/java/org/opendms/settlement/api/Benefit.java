package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One benefit on a bill, as a {@link BenefitProvider} offers it and as the document then names it.
 *
 * @param nameZh what the bill prints, e.g. 金卡会员 工时九折
 * @param nameEn the same in English
 * @param lines  the amount off per work-order line id, yuan with at most 2 decimals, each above 0 and at most the
 *               line's net
 * @param amount the sum of {@code lines}; on a reversal document negated
 *
 * @since 1.4
 */
public record Benefit(String nameZh, String nameEn, Map<Long, BigDecimal> lines, BigDecimal amount) {

    public Benefit {
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    /** A benefit of these lines, its amount their sum. */
    public static Benefit of(String nameZh, String nameEn, Map<Long, BigDecimal> lines) {
        return new Benefit(nameZh, nameEn, lines,
                lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
