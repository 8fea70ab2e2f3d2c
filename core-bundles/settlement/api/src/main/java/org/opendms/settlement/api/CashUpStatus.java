package org.opendms.settlement.api;

/** Where a cashier's day stands. */
public enum CashUpStatus {
    /** Money is being taken; nothing counted yet. */
    OPEN("未清点"),
    /** The cashier counted the cash (may count again until closed). */
    COUNTED("已清点"),
    /** The manager closed it: never changed again, and the cashier takes no more money that day. */
    CLOSED("已日结");

    private final String zh;

    CashUpStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
