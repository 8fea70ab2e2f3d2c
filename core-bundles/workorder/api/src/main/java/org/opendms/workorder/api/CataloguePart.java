package org.opendms.workorder.api;

/**
 * A part as a catalogue answers for a part line (see {@link PartNumbers}).
 *
 * @param partNumber the part number as the catalogue keeps it: the line stores this one
 * @param name       the part's name: a line given without a description takes it
 *
 * @since 3.1
 */
public record CataloguePart(String partNumber, String name) {
}
