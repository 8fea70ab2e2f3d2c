package org.opendms.invoicing.api;

import java.time.LocalDate;

/**
 * Which requests to list: by the shop-local day they were requested (both ends inclusive, null: open) and status
 * (null: all); the settlement document's, when given, whatever the days.
 */
public record InvoiceQuery(LocalDate from, LocalDate to, InvoiceStatus status, Long settlementId) {

    public static InvoiceQuery day(LocalDate day) {
        return new InvoiceQuery(day, day, null, null);
    }
}
