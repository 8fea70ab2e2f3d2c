package org.opendms.reports.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure of the KPI pack, with how it was reached.
 *
 * @param code      stable name, e.g. {@code comeback_rate}
 * @param nameZh    as the FAW manual names it, e.g. 返修率
 * @param formulaZh the formula in words, e.g. 返修台次 ÷ 进厂台数
 * @param unit      {@code PERCENT} (value 0.0523 is 5.23 %), {@code RATIO}, {@code COUNT}, {@code YUAN}, {@code HOURS}
 * @param value     null when an input is missing: {@code missing} says which
 * @param inputs    each input's name and value as used, in the formula's order
 * @param missing   the inputs that are not recorded (e.g. "工位数 bays": the month's resources are not entered); empty
 *                  when the value is computed
 * @param previous  the same KPI in {@link Period#previous()}; null when that one cannot be computed
 * @param lastYear  the same KPI in {@link Period#lastYear()}; null when that one cannot be computed
 * @param drill     what {@link Reports#drill} lists behind the figure ({@code work-orders}, {@code documents}); null
 *                  when nothing
 */
public record Kpi(String code, String nameZh, String nameEn, String formulaZh, String formulaEn, String unit,
        BigDecimal value, Map<String, BigDecimal> inputs, List<String> missing, BigDecimal previous,
        BigDecimal lastYear, String drill) {

    public Kpi {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        missing = List.copyOf(missing);
    }
}
