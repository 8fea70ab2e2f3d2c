package org.opendms.invoicing.api.provider;

import java.time.LocalDate;

/** The provider's answer: the invoice's number (数电票: 20 digits) and date. */
public record IssuedInvoice(String invoiceNumber, LocalDate invoiceDate) {
}
