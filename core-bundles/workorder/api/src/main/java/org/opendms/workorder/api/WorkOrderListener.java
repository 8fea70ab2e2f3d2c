package org.opendms.workorder.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by plugins and registered as a service: told of committed work-order events, after the commit. A
 * listener that throws is logged; it neither undoes the change nor stops the other listeners. Implement what you need.
 */
@ConsumerType
public interface WorkOrderListener {

    default void opened(WorkOrderEvent event) {
    }

    default void jobApproved(WorkOrderEvent event) {
    }

    /** Every status move, COMPLETED and DELIVERED included (which are also told to their own methods after this one). */
    default void statusChanged(WorkOrderEvent event) {
    }

    default void completed(WorkOrderEvent event) {
    }

    default void delivered(WorkOrderEvent event) {
    }
}
