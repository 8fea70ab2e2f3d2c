package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One successor of a part.
 *
 * @param partId          the part superseded
 * @param successorId     the part to use instead (for a kit: one of its parts)
 * @param successorNumber its number as printed
 * @param quantity        how many of the successor replace one of the part (2 decimals, more than 0)
 * @param effectiveFrom   from when the successor is to be used
 * @param note            optional, e.g. the manufacturer's bulletin
 */
public record Supersession(long id, long partId, SupersessionKind kind, long successorId, String successorNumber,
        BigDecimal quantity, LocalDate effectiveFrom, String note, String username, Instant at) {
}
