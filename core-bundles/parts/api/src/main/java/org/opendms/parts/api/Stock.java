package org.opendms.parts.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads of stock (库存) and its limits. Quantities change only through {@link StockLedger}, {@link Transfers} and
 * {@link Reservations}. Reads take the actor only to leave costs out for roles without {@code parts.cost.read}.
 */
@ProviderType
public interface Stock {

    /** A part's stock in every warehouse. @throws DmsException NOT_FOUND {@code partId} */
    PartStock ofPart(long partId, Actor actor);

    /** The stock of the part whose number (as typed or scanned) matches; empty when no part has that number. */
    Optional<PartStock> ofPartNumber(String partNumber, Actor actor);

    /** A warehouse's stock rows with on hand or reserved above 0, by part number; optionally of one bin. */
    Page<PartStock> inWarehouse(long warehouseId, Long binId, PageRequest page, Actor actor);

    /**
     * Sets a part's minimum, maximum and reorder point in a warehouse (null clears them). @throws DmsException
     * INVALID_INPUT naming {@code minimum}, {@code maximum}, {@code reorderPoint}
     */
    WarehouseStock setLimits(long partId, long warehouseId, StockLimits limits, Actor actor);

    /** Parts of a warehouse (all when null) whose on hand is below their minimum, by part number. */
    Page<WarehouseStock> belowMinimum(Long warehouseId, PageRequest page, Actor actor);

    /** A part's batches with stock in a warehouse, first expiry first. */
    List<Batch> batches(long partId, long warehouseId);

    /** Batches with stock that expire on or before the date (expired ones included), first expiry first. */
    Page<Batch> expiring(LocalDate onOrBefore, PageRequest page);
}
