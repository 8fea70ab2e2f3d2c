package org.opendms.appointment.api;

import java.time.LocalDate;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments (预约). Every refusal is a {@link DmsException} naming the field, in Chinese and English, and changes
 * nothing. Changes take the version the user read; a stale one is refused with code {@code stale_version}. Who may
 * call what is the platform's permission table ({@code appointment.*}).
 */
@ProviderType
public interface AppointmentService {

    /**
     * Books a slot. Refused when the slot is full (code {@code slot_full}), not one of the day's slots, in the
     * past, or the input is wrong; two advisors booking the last place at once cannot both get it. The advisor is an
     * active staff member with the advisor or manager role ({@code advisor.unknown}, {@code advisor.not_advisor});
     * a car registered in the vehicle archive is booked only for its owner ({@code vehicle.other_owner}, field
     * {@code customerId}).
     */
    Appointment book(AppointmentDraft draft, Actor actor);

    Appointment get(long id);

    /** The day's slots with their load, in order. */
    List<SlotLoad> slots(LocalDate day);

    Page<Appointment> search(AppointmentQuery query, PageRequest page);

    /**
     * The vehicle came: the appointment is ARRIVED and linked to the work order opened for it (if already known), and
     * its place in the slot is free again (the slot's load counts booked appointments only). Only on the appointment's
     * own day: CONFLICT {@code appointment.not_today} otherwise. The work order must exist and be for the
     * appointment's car (INVALID_INPUT {@code workorder.unknown} or {@code workorder.other_vehicle}, field
     * {@code workOrderId}).
     */
    Appointment arrive(long id, long expectedVersion, Long workOrderId, Actor actor);

    /** The slot passed without the vehicle; refused before the slot has started. */
    Appointment noShow(long id, long expectedVersion, Actor actor);

    /** Cancelled at the customer's request; the reason is required. The place is free again. */
    Appointment cancel(long id, long expectedVersion, String reason, Actor actor);
}
