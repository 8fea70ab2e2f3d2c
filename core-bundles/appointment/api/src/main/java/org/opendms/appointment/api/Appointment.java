package org.opendms.appointment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A booked visit. Date and times are the shop's local calendar; {@code createdAt}/{@code updatedAt} are instants.
 *
 * @param workOrderId the work order opened on arrival (null until then)
 * @param reason      why it was cancelled, if it was
 */
public record Appointment(long id, String plate, Long customerId, AppointmentChannel channel, LocalDate date,
        LocalTime start, LocalTime end, String advisor, List<String> concerns, AppointmentStatus status,
        Long workOrderId, String reason, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        long version) {
}
