package org.opendms.appointment.api;

/** How the customer booked. */
public enum AppointmentChannel {
    /** 电话 */
    PHONE("电话"),
    /** 微信 */
    WECHAT("微信"),
    /** 到店 a walk-in booked for later the same day or another day */
    WALK_IN("到店"),
    /** 网上 the web site or an app */
    WEB("网上");

    private final String chinese;

    AppointmentChannel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
