package org.opendms.reports.api;

import java.time.LocalDate;

/**
 * A customer not seen for the months asked (久未回店), with the last visit: who the desk calls.
 *
 * @param visits every visit of the customer recorded
 */
public record LapsedCustomer(long customerId, LocalDate lastVisit, String lastWorkOrderNumber, long lastWorkOrderId,
        String plate, long visits) {
}
