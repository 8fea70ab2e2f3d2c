package org.opendms.reports.api;

import java.math.BigDecimal;

/**
 * One technician's figures for a period (技师绩效), the basis of pay. Work orders count by the day they were completed;
 * a labour line's sold hours and revenue go to the technicians who clocked on it, in proportion to their clocked
 * time (to the one dispatched, when nobody clocked).
 *
 * @param workOrders     work orders completed in the period that the technician worked on
 * @param soldHours      收费工时 credited
 * @param clockedHours   实际工时 clocked
 * @param productivity   soldHours ÷ clockedHours; null when nothing was clocked
 * @param comebacks      later visits confirmed as comebacks (返修) of the technician's work orders, counted in the
 *                       period they came back
 * @param labourRevenue  the labour net credited
 * @param commissionBase labourRevenue × the shop's commission share (see {@link MonthResources#commissionShare()})
 */
public record TechnicianFigures(String technician, long workOrders, BigDecimal soldHours, BigDecimal clockedHours,
        BigDecimal productivity, long comebacks, BigDecimal labourRevenue, BigDecimal commissionBase) {
}
