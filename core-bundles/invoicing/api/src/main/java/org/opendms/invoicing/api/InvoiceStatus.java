package org.opendms.invoicing.api;

/** Where an invoice request stands: REQUESTED → ISSUED → VOIDED, or REQUESTED → CANCELLED. */
public enum InvoiceStatus {
    /** 待开票: requested, not issued yet */
    REQUESTED("待开票"),
    /** 已开票: issued, its number and date recorded */
    ISSUED("已开票"),
    /** 已作废: an issued invoice voided (or red-lettered) by the manager, with the reason */
    VOIDED("已作废"),
    /** 已取消: a request withdrawn before it was issued */
    CANCELLED("已取消");

    private final String zh;

    InvoiceStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** REQUESTED or ISSUED: the one invoice a settlement document may have at a time. */
    public boolean open() {
        return this == REQUESTED || this == ISSUED;
    }
}
