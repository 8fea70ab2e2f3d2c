package org.opendms.invoicing.api;

/** Which VAT invoice the customer asks for. */
public enum InvoiceKind {
    /** 增值税普通发票: a person or a company; the taxpayer number is required for a company */
    ORDINARY("增值税普通发票"),
    /** 增值税专用发票: a VAT general taxpayer deducts its input VAT; needs the full buyer block */
    SPECIAL("增值税专用发票");

    private final String zh;

    InvoiceKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
