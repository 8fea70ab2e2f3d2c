package org.opendms.parts.api.purchasing;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by plugins and registered as a service: told of committed purchase-order events, after the commit, on
 * the thread that made the change. A listener that throws is logged; the change stands and the others are told.
 */
@ConsumerType
public interface PurchasingListener {

    default void created(PurchasingEvent event) {
    }

    default void sent(PurchasingEvent event) {
    }

    /** A delivery was received (the order is PARTLY_RECEIVED or RECEIVED). */
    default void received(PurchasingEvent event) {
    }

    default void cancelled(PurchasingEvent event) {
    }
}
