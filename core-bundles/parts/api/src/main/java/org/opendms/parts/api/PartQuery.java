package org.opendms.parts.api;

/**
 * A catalogue search; absent criteria do not narrow it.
 *
 * @param text       part number (any part of its key, as typed: case, spaces and dashes do not matter) or name
 * @param category   exact category
 * @param brand      exact brand
 * @param activeOnly true leaves out withdrawn parts
 */
public record PartQuery(String text, String category, String brand, boolean activeOnly) {

    public static PartQuery text(String text) {
        return new PartQuery(text, null, null, true);
    }
}
