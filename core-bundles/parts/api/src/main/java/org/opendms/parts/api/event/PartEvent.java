package org.opendms.parts.api.event;

import java.time.Instant;

/**
 * A catalogue part was added or changed (prices, supersession, withdrawal).
 *
 * @param number the part number as printed
 */
public record PartEvent(long partId, String number, String name, String username, Instant at) {
}
