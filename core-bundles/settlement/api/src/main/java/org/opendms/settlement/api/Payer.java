package org.opendms.settlement.api;

/**
 * Who pays a document (付款方). A work order's jobs name theirs by pay type; the cashier may change it before settling.
 */
public enum Payer {
    /** 客户付费 the customer, at the counter */
    CUSTOMER("客户"),
    /** 保险直赔 an insurer, billed directly */
    INSURER("保险公司"),
    /** 厂家索赔 the manufacturer, by warranty claim */
    MANUFACTURER("厂家"),
    /** 内部 the shop's own cost */
    INTERNAL("内部"),
    /** 善意维修 goodwill: the shop bears it for the customer */
    GOODWILL("善意");

    private final String zh;

    Payer(String zh) {
        this.zh = zh;
    }

    /** The Chinese name staff see. */
    public String zh() {
        return zh;
    }
}
