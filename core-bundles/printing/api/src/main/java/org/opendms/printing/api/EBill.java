package org.opendms.printing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an e-bill shows the customer, and nothing else: no names, no mobile, the plate masked.
 *
 * @param plateMasked e.g. 京A***45
 * @param payable     the customer's documents' payable amount in yuan; null before settlement
 * @param paid        what the customer paid of it
 * @param certificate whether the completion certificate can be opened (the work order is completed)
 */
public record EBill(String shop, String workOrderNumber, String plateMasked, BigDecimal payable, BigDecimal paid,
        boolean certificate, Instant expiresAt) {
}
