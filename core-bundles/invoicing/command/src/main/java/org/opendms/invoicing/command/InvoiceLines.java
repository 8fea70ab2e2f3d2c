package org.opendms.invoicing.command;

import org.opendms.invoicing.api.Invoice;

/** How the commands print an invoice: one line, the facts a cashier reads aloud. */
final class InvoiceLines {

    private InvoiceLines() {
    }

    static String summary(Invoice i) {
        return i.id() + "  " + i.number() + "  " + i.status().zh() + " " + i.status() + "  " + i.kind().zh() + "  "
                + i.buyerName() + (i.taxpayerNumber() == null ? "" : " " + i.taxpayerNumber()) + "  结算单 "
                + i.settlementNumber() + "  工单 " + i.workOrderNumber() + "  金额 " + i.net() + " 税额 " + i.vat()
                + " 价税合计 " + i.total() + (i.invoiceNumber() == null ? ""
                        : "  发票号码 " + i.invoiceNumber() + " " + i.invoiceDate() + " (" + i.issuedVia() + ")")
                + (i.reason() == null ? "" : "  原因 " + i.reason())
                + (i.mustVoid() ? "  !! 结算单已红冲，须作废 must be voided" : "") + "  version " + i.version();
    }
}
