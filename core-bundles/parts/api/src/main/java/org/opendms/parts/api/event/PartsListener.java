package org.opendms.parts.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by plugins and registered as a service: told of committed parts changes, after the commit. A posting of
 * several rows tells each row. Implement what you need; {@link #moved} is told for every row besides its own method.
 */
@ConsumerType
public interface PartsListener {

    /** RECEIPT: goods arrived (the advisor of a work order waiting for this part may be told). */
    default void received(StockEvent event) {
    }

    /** ISSUE to a work-order line. */
    default void issued(StockEvent event) {
    }

    /** RETURN from a work-order line. */
    default void returned(StockEvent event) {
    }

    /** TRANSFER_OUT and TRANSFER_IN. */
    default void transferred(StockEvent event) {
    }

    /** ADJUSTMENT (stocktake). */
    default void adjusted(StockEvent event) {
    }

    /** RETURN_TO_SUPPLIER and OLD_PART_KEPT. */
    default void otherMovement(StockEvent event) {
    }

    /** Every committed ledger row, after its own method. */
    default void moved(StockEvent event) {
    }

    /** A part's on hand in a warehouse fell below its minimum. */
    default void belowMinimum(StockAlert alert) {
    }

    /** A work-order line's reservation was made, changed or released. */
    default void reservationChanged(ReservationEvent event) {
    }

    /** A catalogue part was added or changed. */
    default void partChanged(PartEvent event) {
    }
}
