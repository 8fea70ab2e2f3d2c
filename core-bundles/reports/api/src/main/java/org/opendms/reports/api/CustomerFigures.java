package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Customers of a period (客户分析).
 *
 * @param customers             customers with a visit opened in the period
 * @param newCustomers          of them, whose first visit ever is in the period
 * @param returningCustomers    the others
 * @param maintenanceBase       customers with a maintenance visit in the twelve months before the period
 * @param maintenanceBack       of them, back for maintenance in the period
 * @param maintenanceReturnRate 保养回店率: maintenanceBack ÷ maintenanceBase; null with no base
 * @param lapsedSince           the day before which a customer's last visit makes them lapsed
 * @param lapsedCount           customers whose last visit is before {@code lapsedSince} (久未回店)
 * @param lapsed                the most recently lapsed first, at most
 *                              {@value Reports#LAPSED_MAX}: the desk's call list
 */
public record CustomerFigures(Period period, long customers, long newCustomers, long returningCustomers,
        long maintenanceBase, long maintenanceBack, BigDecimal maintenanceReturnRate, LocalDate lapsedSince,
        long lapsedCount, List<LapsedCustomer> lapsed) {

    public CustomerFigures {
        lapsed = List.copyOf(lapsed);
    }
}
