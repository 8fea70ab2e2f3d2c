package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 账龄: what a credit account owes by days past the due date (a month's last day plus the terms). A credit (a reversal
 * after the month was billed) pays the oldest first.
 *
 * @param current what is not yet due
 * @param days30  1 to 30 days past due
 * @param days60  31 to 60 days past due
 * @param days90  61 to 90 days past due
 * @param over90  more than 90 days past due
 * @param overdue something is past due: the account takes no new credit without the manager
 */
public record Ageing(long customerId, String customerName, LocalDate asOf, BigDecimal current, BigDecimal days30,
        BigDecimal days60, BigDecimal days90, BigDecimal over90, BigDecimal total, boolean overdue) {
}
