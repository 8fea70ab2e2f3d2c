package org.opendms.parts.api;

import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/** Warehouses (仓库) and their bins (库位). Refusals as in {@link Catalogue}; changes are audited. */
@ProviderType
public interface Warehouses {

    /**
     * Creates a warehouse with its default bin.
     *
     * @param code required, at most 20 letters, digits or '-', unique ({@code warehouse.duplicate})
     * @param name required, at most 60 characters
     */
    Warehouse create(String code, String name, WarehouseKind kind, Actor actor);

    /** Renames or (de)activates; a warehouse with stock cannot be deactivated ({@code warehouse.has_stock}). */
    Warehouse update(long id, long expectedVersion, String name, boolean active, Actor actor);

    /** @throws DmsException NOT_FOUND {@code warehouseId} */
    Warehouse get(long id);

    Optional<Warehouse> byCode(String code);

    /** Every warehouse, active first, by code. */
    List<Warehouse> list();

    /**
     * Adds a bin.
     *
     * @param code optional: absent makes {@code area-shelf-level}; at most 30 characters, unique in the warehouse
     *             ({@code bin.duplicate})
     * @param area required, at most 10 characters; shelf and level optional, at most 10 each
     */
    Bin addBin(long warehouseId, String code, String area, String shelf, String level, Actor actor);

    /** (De)activates a bin; a bin with stock on hand cannot be deactivated ({@code bin.has_stock}). */
    Bin setBinActive(long binId, boolean active, Actor actor);

    /** @throws DmsException NOT_FOUND {@code binId} */
    Bin bin(long binId);

    /** The bin of a warehouse by code as typed or scanned (case and spaces do not matter). */
    Optional<Bin> binByCode(long warehouseId, String code);

    /** The bins of a warehouse, by code. */
    List<Bin> bins(long warehouseId);
}
