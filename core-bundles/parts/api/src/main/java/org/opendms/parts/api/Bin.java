package org.opendms.parts.api;

/**
 * A bin (库位) of a warehouse: an area, a shelf and a level.
 *
 * @param code  unique in its warehouse, upper case; made of area-shelf-level (A-03-2) unless given
 * @param area  e.g. A (区)
 * @param shelf e.g. 03 (货架)
 * @param level e.g. 2 (层)
 */
public record Bin(long id, long warehouseId, String code, String area, String shelf, String level, boolean active) {
}
