/**
 * Service appointments (预约): an advisor books a vehicle into a time slot of a day, within what the workshop's bays
 * and technicians can take; on arrival the appointment becomes a work order, or it is recorded as a no-show.
 * <p>
 * 2.1.0: {@link org.opendms.appointment.api.WorkOrderPlates}, so an arrival links only a real work order of its car;
 * bookings name an active advisor (or manager) and a car of the customer booked.
 */
@Export
@Version("2.1.0")
package org.opendms.appointment.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
