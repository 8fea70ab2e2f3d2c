package org.opendms.parts.api;

/** Where a transfer (调拨单) stands. */
public enum TransferStatus {
    /** Sent: left the source warehouse, on its way (在途). */
    IN_TRANSIT,
    /** Received into the destination warehouse. */
    RECEIVED
}
