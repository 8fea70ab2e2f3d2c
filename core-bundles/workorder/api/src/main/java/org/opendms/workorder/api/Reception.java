package org.opendms.workorder.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reception (接车): the advisor opens a work order for a car at the desk, walk-in or by appointment, and sees what to
 * raise with the customer. Every method either does all it says or changes nothing and throws a {@link DmsException}
 * naming the field and the reason.
 */
@ProviderType
public interface Reception {

    /**
     * Opens a work order at reception, by plate. An unknown plate registers the vehicle in the vehicle archive first
     * (with the draft's VIN and owner); the mileage is recorded as an odometer reading of the vehicle; each concern
     * becomes a job. If the same vehicle had a work order DELIVERED within the comeback window (days or km), the result
     * carries it as a PROPOSED comeback link.
     * <p>
     * With an {@code appointmentId} the appointment is converted: it must be BOOKED (CONFLICT
     * {@code appointment.not_booked}) for this plate ({@code appointment.other_vehicle}); its plate, concerns, advisor
     * and customer fill what the draft leaves out, and it is marked ARRIVED with the new work order. Should another
     * desk have converted it in the meantime (the appointment service refuses the arrival as stale or no longer
     * booked), the new work order is cancelled (with that reason in its history) and the call refused with CONFLICT
     * {@code stale_version}. Any other failure of the arrival is thrown as it is.
     *
     * @throws DmsException INVALID_INPUT naming every wrong field; CONFLICT {@code odometer.lower} for a mileage lower
     *                      than the last reading unless confirmed; FORBIDDEN for a role that may not open work orders
     */
    WorkOrder open(ReceptionDraft draft, Actor actor);

    /**
     * What the advisor raises at reception: the vehicle's recent visits, maintenance, insurance and inspection due, and
     * a
     * possible comeback, as of the work order's opening.
     *
     * @throws DmsException NOT_FOUND
     */
    ReceptionBrief receptionBrief(long id);
}
