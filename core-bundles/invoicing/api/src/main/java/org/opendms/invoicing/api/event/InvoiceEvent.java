package org.opendms.invoicing.api.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A committed invoice change.
 *
 * @param kind          {@code ORDINARY} or {@code SPECIAL}
 * @param invoiceNumber the invoice's number once issued, else null
 */
public record InvoiceEvent(long invoiceId, String number, long settlementId, long workOrderId, long customerId,
        String kind, BigDecimal total, String invoiceNumber, Instant at, String by) {
}
