package org.opendms.parts.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/** Transfers between warehouses (调拨): stock is in transit from sending until receipt. Refusals as in the ledger. */
@ProviderType
public interface Transfers {

    /**
     * Sends a transfer: posts TRANSFER_OUT rows from the source, all lines or none. @throws DmsException
     * CONFLICT {@code stock.insufficient} (field {@code lines[i].quantity}) when the source has not that much available
     */
    Transfer send(TransferDraft draft, Actor actor);

    /**
     * Receives a transfer at the version read: posts TRANSFER_IN rows into a bin of the destination (null: its default
     * bin). @throws DmsException CONFLICT {@code transfer.received} when already received
     */
    Transfer receive(long transferId, long expectedVersion, Long binId, Actor actor);

    /** @throws DmsException NOT_FOUND {@code transferId} */
    Transfer get(long transferId, Actor actor);

    /** Transfers in transit to (or, with {@code outgoing}, from) a warehouse, oldest first. */
    List<Transfer> inTransit(long warehouseId, boolean outgoing, Actor actor);
}
