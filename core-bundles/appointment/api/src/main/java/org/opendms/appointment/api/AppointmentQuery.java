package org.opendms.appointment.api;

import java.time.LocalDate;

/** Filters for a search; null means any. Dates are inclusive. */
public record AppointmentQuery(LocalDate from, LocalDate to, String advisor, AppointmentStatus status, String plate) {

    /** Every appointment of a day. */
    public static AppointmentQuery day(LocalDate day) {
        return new AppointmentQuery(day, day, null, null, null);
    }
}
