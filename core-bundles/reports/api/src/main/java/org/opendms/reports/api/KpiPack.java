package org.opendms.reports.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The workshop KPI pack of a period (维修车间 KPI).
 *
 * @param workingDays D: the shop's working days in the period, from its calendar
 * @param bays        B: bays, averaged over the period's working days when months differ; null when not entered
 * @param technicians T: technicians, likewise; null when not entered
 * @param shiftHours  hours of a shift; null when not entered
 * @param kpis        in the manual's order
 */
public record KpiPack(Period period, int workingDays, BigDecimal bays, BigDecimal technicians, BigDecimal shiftHours,
        List<Kpi> kpis) {

    public KpiPack {
        kpis = List.copyOf(kpis);
    }

    /** The KPI with this code. */
    public Kpi kpi(String code) {
        return kpis.stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI " + code));
    }
}
