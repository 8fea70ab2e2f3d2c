package org.opendms.reports.api;

/** A technician's trade (工种) and the bays of it. */
public enum Trade {
    /** 机修 */
    MECHANICAL("机修"),
    /** 钣金 */
    BODY("钣金"),
    /** 喷漆 */
    PAINT("喷漆");

    private final String zh;

    Trade(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
