package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workshop's resources from a month on (车间资源), entered by the manager: they hold for that month and every later
 * one until a later month's entry. A KPI of a period uses, for each of its days, the entry in force that day.
 *
 * @param workingWeekdays the days of the week the shop works; the calendar's holidays and extra working days
 *                        ({@link CalendarDay}) change single dates
 * @param shiftHours      hours of one shift (班次工时), e.g. 8
 * @param bays            bays (工位) by trade, each at least 0
 * @param technicians     the technicians counted (T) with their direct wages
 * @param commissionShare the share of credited labour revenue that is a technician's commission base, e.g. 0.15
 * @param updatedBy       who entered it; null on a draft
 */
public record MonthResources(YearMonth month, Set<DayOfWeek> workingWeekdays, BigDecimal shiftHours,
        Map<Trade, Integer> bays, List<TechnicianResource> technicians, BigDecimal commissionShare, String updatedBy,
        Instant updatedAt) {

    public MonthResources {
        workingWeekdays = workingWeekdays == null ? Set.of() : Set.copyOf(workingWeekdays);
        bays = bays == null ? Map.of() : Map.copyOf(bays);
        technicians = technicians == null ? List.of() : List.copyOf(technicians);
    }

    /** B: every bay of every trade. */
    public int bayCount() {
        return bays.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The direct wages of the month. */
    public BigDecimal wages() {
        return technicians.stream().map(TechnicianResource::wage).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
