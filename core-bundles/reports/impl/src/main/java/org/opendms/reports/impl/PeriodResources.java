package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

import org.opendms.reports.api.MonthResources;
import org.opendms.reports.api.Period;

/**
 * The resources of a period, day by day: each working day adds the bays, technicians and shift of the entry in force
 * that day, so a period across two entries is weighted exactly; a month's wages count in proportion to the month's
 * working days inside the period.
 *
 * @param workingDays    D
 * @param bayDays        Σ B over the working days (B = bayDays ÷ D)
 * @param technicianDays Σ T over the working days
 * @param bayHours       Σ B × shift hours (the denominator of bay utilisation)
 * @param availableHours Σ T × shift hours (可用工时)
 * @param wages          direct wages, pro rata
 * @param uncovered      months with working days in the period and no entry in force
 */
record PeriodResources(int workingDays, BigDecimal bayDays, BigDecimal technicianDays, BigDecimal shiftDays,
        BigDecimal bayHours, BigDecimal availableHours, BigDecimal wages, BigDecimal commissionShare,
        Set<YearMonth> uncovered) {

    /** The shop's week when no month was ever entered. */
    static final Set<DayOfWeek> DEFAULT_WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);

    /**
     * @param entries  every entry that may be in force in the period, by month
     * @param calendar the period's marked dates: true for an extra working day, false for a holiday
     */
    static PeriodResources of(Period period, NavigableMap<YearMonth, MonthResources> entries,
            Map<LocalDate, Boolean> calendar) {
        int d = 0;
        BigDecimal bays = BigDecimal.ZERO, techs = BigDecimal.ZERO, shifts = BigDecimal.ZERO,
                bayHours = BigDecimal.ZERO, available = BigDecimal.ZERO, wages = BigDecimal.ZERO;
        BigDecimal share = null;
        Set<YearMonth> uncovered = new TreeSet<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m
                .plusMonths(1)) {
            Map.Entry<YearMonth, MonthResources> e = entries.floorEntry(m);
            MonthResources r = e == null ? null : e.getValue();
            Set<DayOfWeek> week = r == null ? DEFAULT_WEEK : r.workingWeekdays();
            int inMonth = 0, inPeriod = 0;
            for (LocalDate day = m.atDay(1); !day.isAfter(m.atEndOfMonth()); day = day.plusDays(1)) {
                boolean working = calendar.getOrDefault(day, week.contains(day.getDayOfWeek()));
                if (!working) {
                    continue;
                }
                inMonth++;
                if (period.contains(day)) {
                    inPeriod++;
                }
            }
            d += inPeriod;
            if (inPeriod == 0) {
                continue;
            }
            if (r == null) {
                uncovered.add(m);
                continue;
            }
            BigDecimal n = BigDecimal.valueOf(inPeriod);
            BigDecimal b = BigDecimal.valueOf(r.bayCount()), t = BigDecimal.valueOf(r.technicians().size());
            bays = bays.add(b.multiply(n));
            techs = techs.add(t.multiply(n));
            shifts = shifts.add(r.shiftHours().multiply(n));
            bayHours = bayHours.add(b.multiply(r.shiftHours()).multiply(n));
            available = available.add(t.multiply(r.shiftHours()).multiply(n));
            wages = wages.add(r.wages().multiply(n).divide(BigDecimal.valueOf(inMonth), 2, RoundingMode.HALF_UP));
            share = r.commissionShare();
        }
        return new PeriodResources(d, bays, techs, shifts, bayHours, available, wages, share, uncovered);
    }

    boolean covered() {
        return uncovered.isEmpty() && workingDays > 0;
    }

    /** B, T or shift hours as an average over the working days; null when not covered. */
    BigDecimal average(BigDecimal sum) {
        return covered() ? sum.divide(BigDecimal.valueOf(workingDays), 2, RoundingMode.HALF_UP) : null;
    }

    /** Which inputs are missing, for the KPIs that need the resources. */
    List<String> missing() {
        if (workingDays == 0) {
            return List.of("工作日 working days (统计期内没有工作日 none in the period)");
        }
        if (!uncovered.isEmpty()) {
            return List.of("车间资源 workshop resources (未录入 not entered: " + uncovered + ")");
        }
        return List.of();
    }
}
