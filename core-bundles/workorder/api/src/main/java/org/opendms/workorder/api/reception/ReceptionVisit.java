package org.opendms.workorder.api.reception;

import java.time.LocalDate;

/**
 * The visit a reception brief is about.
 *
 * @param plate normalised
 * @param vin   null when the vehicle file does not have it
 * @param day   the shop-local day the work order was opened
 */
public record ReceptionVisit(long workOrderId, long vehicleId, String plate, String vin, long customerId,
        LocalDate day) {
}
