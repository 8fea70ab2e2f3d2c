package org.opendms.invoicing.api.provider;

import java.math.BigDecimal;

/**
 * What to issue: the buyer block as the customer gave it, the amounts from the settlement document.
 *
 * @param requestNumber the platform's request number: the provider's idempotency key
 * @param kind          {@code ORDINARY} or {@code SPECIAL}
 * @param itemName      the line's name, e.g. {@code *修理修配劳务*维修费}
 */
public record InvoiceOrder(String requestNumber, String kind, String buyerName, String taxpayerNumber, String address,
        String phone, String bank, String bankAccount, String email, String itemName, BigDecimal net,
        BigDecimal vatRate, BigDecimal vat, BigDecimal total) {
}
