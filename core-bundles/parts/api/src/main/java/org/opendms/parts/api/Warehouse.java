package org.opendms.parts.api;

/**
 * A warehouse.
 *
 * @param code         short unique code, upper case (e.g. ZK, MD01)
 * @param defaultBinId the bin every movement without a bin uses (code {@code "-"}, 未定库位), created with the warehouse
 */
public record Warehouse(long id, String code, String name, WarehouseKind kind, boolean active, long defaultBinId,
        long version) {
}
