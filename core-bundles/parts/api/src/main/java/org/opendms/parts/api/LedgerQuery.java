package org.opendms.parts.api;

import java.time.Instant;

/**
 * A ledger search, newest first; absent criteria do not narrow it.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record LedgerQuery(Long partId, Long warehouseId, MovementType type, Long workOrderId, Instant from,
        Instant to) {

    public static LedgerQuery ofPart(long partId) {
        return new LedgerQuery(partId, null, null, null, null, null);
    }

    public static LedgerQuery ofWorkOrder(long workOrderId) {
        return new LedgerQuery(null, null, null, workOrderId, null, null);
    }
}
