package org.opendms.invoicing.api;

import java.time.LocalDate;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Invoice requests and invoices (发票). Every change takes the version the user read (CONFLICT {@code stale_version}
 * otherwise), is in the audit trail ({@code invoice}, personal data masked) and is told to the listeners after it
 * committed; every refusal names its field in Chinese and English and changes nothing.
 */
@ProviderType
public interface Invoices {

    /**
     * Records the customer's request for an invoice of a SETTLED document (not a reversal, not one paid by nobody:
     * INTERNAL or GOODWILL). A document has at most one open (REQUESTED or ISSUED) invoice.
     *
     * @throws DmsException INVALID_INPUT naming every bad field ({@code kind}, {@code buyerName},
     *                      {@code taxpayerNumber}, {@code address}, {@code phone}, {@code bank}, {@code bankAccount},
     *                      {@code email}); NOT_FOUND {@code settlementId}; CONFLICT {@code settlementId}
     *                      {@code settlement.not_settled}, {@code settlement.reversed}, {@code invoice.exists}
     */
    Invoice request(InvoiceDraft draft, Actor actor);

    /** @throws DmsException NOT_FOUND {@code id} */
    Invoice get(long id, Actor actor);

    /** Requests matching the query, oldest first (at most 5,000). */
    List<Invoice> list(InvoiceQuery query, Actor actor);

    /**
     * Issues a REQUESTED invoice. When an invoice provider runs, through it (a number typed is refused); otherwise the
     * number and date the cashier read from the tax software. Two issues of one request at once: one issues, the other
     * gets CONFLICT.
     *
     * @param invoiceNumber 8 to 20 digits; null when a provider issues
     * @param invoiceDate   the invoice's date, not after today; null: today
     *
     * @throws DmsException INVALID_INPUT {@code invoiceNumber}, {@code invoiceDate}; CONFLICT {@code status}
     *                      {@code invoice.not_requested}, {@code invoice.issuing} (being issued through the provider
     *                      right now), {@code invoiceNumber} {@code invoice.number_taken}, {@code settlementId}
     *                      {@code settlement.reversed}; UNAVAILABLE / CONFLICT {@code provider} when the provider
     *                      cannot be reached or refuses (the request stays REQUESTED)
     */
    Invoice issue(long id, long expectedVersion, String invoiceNumber, LocalDate invoiceDate, Actor actor);

    /**
     * The manager voids an ISSUED invoice (through the provider that issued it, if it still runs).
     *
     * @param reason required, at most 200 characters
     */
    Invoice voidInvoice(long id, long expectedVersion, String reason, Actor actor);

    /** Withdraws a REQUESTED invoice; the document may then be invoiced again. */
    Invoice cancel(long id, long expectedVersion, String reason, Actor actor);

    /**
     * The requests of shop-local days {@code from}..{@code to} (inclusive, at most 366 days) for the shop's tax
     * software, oldest first; status null: all.
     *
     * @throws DmsException INVALID_INPUT {@code from}, {@code to}
     */
    List<Invoice> export(LocalDate from, LocalDate to, InvoiceStatus status, Actor actor);

    /** The code of the running invoice provider, or null when invoices are recorded by hand. */
    String provider();
}
