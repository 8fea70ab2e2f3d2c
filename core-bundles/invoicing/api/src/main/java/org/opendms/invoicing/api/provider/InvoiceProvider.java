package org.opendms.invoicing.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver of one invoice provider (数电票), registered as a service. The platform asks it outside any transaction and
 * never twice at once for one request; the request's number is the provider's idempotency key (a retry after a lost
 * answer must not issue a second invoice). Every method may throw {@link InvoiceFailure}.
 */
@ConsumerType
public interface InvoiceProvider {

    /** The code issued invoices name, upper case, e.g. {@code SDP}. */
    String code();

    /** Issues the invoice; answers its number and date. */
    IssuedInvoice issue(InvoiceOrder order);

    /** Voids (红冲) an invoice it issued. */
    void voidInvoice(String invoiceNumber, String requestNumber, String reason);
}
