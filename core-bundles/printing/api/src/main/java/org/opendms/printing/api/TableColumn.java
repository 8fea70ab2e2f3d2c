package org.opendms.printing.api;

/**
 * A column of a printed table.
 *
 * @param weight its share of the page's width, relative to the other columns
 * @param amount right-aligned (an amount, a count, a rate)
 */
public record TableColumn(String heading, float weight, boolean amount) {
}
