package org.opendms.workorder.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by plugins and registered as a service: told of committed work-order events, after the commit. A
 * listener that throws is logged; it neither undoes the change nor stops the other listeners. Implement what you need.
 */
@ConsumerType
public interface WorkOrderListener {

    /** A work order was opened at reception. */
    default void opened(WorkOrderEvent event) {
    }

    /** The customer approved a job ({@link WorkOrderEvent#jobId()}). */
    default void jobApproved(WorkOrderEvent event) {
    }

    /**
     * Every status move, a QC failure's return to repair included; COMPLETED and DELIVERED are also told to their own
     * methods after this one.
     */
    default void statusChanged(WorkOrderEvent event) {
    }

    /** The work order passed its final QC and was marked completed. */
    default void completed(WorkOrderEvent event) {
    }

    /** The vehicle was handed back to the customer. */
    default void delivered(WorkOrderEvent event) {
    }

    /**
     * Any committed change of the work order: opening, a status move, a job or line added or removed, an approval,
     * a dispatch, a technician clocking on or off, a price decision, a QC result. Told besides the methods above (for a
     * status move both are told; {@link WorkOrderEvent#from()} is null here), so a listener that only mirrors the work
     * order (the web app's live board) implements just this one.
     *
     * @since 1.1
     */
    default void changed(WorkOrderEvent event) {
    }

    /**
     * A part ordered for the work order arrived (a receipt of it), so the advisor can plan the repair; told besides
     * {@link #changed}.
     *
     * @since 1.2
     */
    default void partsArrived(WorkOrderEvent event) {
    }
}
