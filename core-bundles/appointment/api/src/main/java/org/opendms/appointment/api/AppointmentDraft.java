package org.opendms.appointment.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What an advisor enters to book.
 *
 * @param plate      the vehicle's plate, in any spelling people type
 * @param customerId the customer from the archive, if known (their contact details stay there)
 * @param channel    how the customer booked
 * @param date       the day, in the shop's calendar
 * @param start      the slot's start: one of the day's slots (see {@link AppointmentService#slots})
 * @param advisor    the advisor who will receive the vehicle (a username)
 * @param concerns   what the customer wants done or noticed, one line each (at least one)
 */
public record AppointmentDraft(String plate, Long customerId, AppointmentChannel channel, LocalDate date,
        LocalTime start, String advisor, List<String> concerns) {
}
