package org.opendms.appointment.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which car a work order is for, so that an appointment marked arrived links only a real work order of its own car.
 * The work-order bundle provides it; without it an arrival links no work order.
 */
@ConsumerType
public interface WorkOrderPlates {

    /** The normalised plate of the work order's car; empty when there is no such work order. */
    Optional<String> plateOf(long workOrderId);
}
