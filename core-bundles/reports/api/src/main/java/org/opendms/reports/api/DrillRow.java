package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A work order behind a figure.
 *
 * @param day    the day it counts on for that figure (opened, completed, delivered or settled)
 * @param amount its part of the figure where the figure is money or hours; null otherwise
 * @param note   why it counts, e.g. 返修自 WO20261102-0003, 超时 3.5 小时
 */
public record DrillRow(long workOrderId, String number, String plate, LocalDate day, Set<String> visitTypes,
        String status, BigDecimal amount, String note) {

    public DrillRow {
        visitTypes = Set.copyOf(visitTypes);
    }
}
