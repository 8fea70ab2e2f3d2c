package org.opendms.parts.api;

/** What a warehouse (仓库) is for. */
public enum WarehouseKind {
    /** The central store (总库) of a dealer group or the main parts room. */
    CENTRAL,
    /** A shop's own store (门店库) or a satellite store in the workshop. */
    SHOP,
    /**
     * Failed parts kept for warranty return (旧件库): filled by OLD_PART_KEPT, at no cost; never issued to work orders.
     */
    OLD_PARTS
}
