/**
 * Service appointments (预约): an advisor books a vehicle into a time slot of a day, within what the workshop's bays
 * and technicians can take; on arrival the appointment becomes a work order, or it is recorded as a no-show.
 */
@Export
@Version("2.0.0")
package org.opendms.appointment.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
