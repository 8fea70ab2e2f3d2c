package org.opendms.appointment.api;

/** Where an appointment stands. Only a BOOKED one changes; the others are final. */
public enum AppointmentStatus {
    /** 已预约 */
    BOOKED("已预约"),
    /** 已到店 the vehicle came; the work order opened for it is linked */
    ARRIVED("已到店"),
    /** 爽约 the slot passed without the vehicle */
    NO_SHOW("爽约"),
    /** 已取消 */
    CANCELLED("已取消");

    private final String chinese;

    AppointmentStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
