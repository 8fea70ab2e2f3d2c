package org.opendms.invoicing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice request (开票申请) and, once issued, the invoice.
 * <p>
 * The amounts are the settlement document's, as the customer paid it: {@code total} (价税合计) = the document's payable;
 * when the document was rounded (抹零), {@code net} = total ÷ (1 + rate) HALF_UP to the fen and {@code vat} = total −
 * net, else the document's net and VAT.
 *
 * @param number             the request's number, e.g. FP20261202-000001 (the shop's day, the id)
 * @param invoiceNumber      发票号码 once issued (数电票: 20 digits), else null
 * @param invoiceDate        开票日期 once issued
 * @param issuedVia          the provider's code when issued through it, {@code MANUAL} when recorded by hand
 * @param reason             why it was voided or cancelled
 * @param settlementReversed the settlement document was reversed (红冲): an ISSUED invoice must then be voided
 */
public record Invoice(long id, String number, long settlementId, String settlementNumber, long workOrderId,
        String workOrderNumber, long customerId, InvoiceKind kind, InvoiceStatus status, String buyerName,
        String taxpayerNumber, String address, String phone, String bank, String bankAccount, String email,
        BigDecimal net, BigDecimal vatRate, BigDecimal vat, BigDecimal total, String invoiceNumber,
        LocalDate invoiceDate, String issuedVia, String reason, boolean settlementReversed, Instant requestedAt,
        String requestedBy, Instant issuedAt, String issuedBy, Instant closedAt, String closedBy, long version) {

    /** Recorded by hand in {@link #issuedVia()}. */
    public static final String MANUAL = "MANUAL";

    /** An issued invoice whose document was reversed: the manager must void it. */
    public boolean mustVoid() {
        return status == InvoiceStatus.ISSUED && settlementReversed;
    }
}
