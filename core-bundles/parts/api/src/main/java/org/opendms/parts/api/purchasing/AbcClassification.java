package org.opendms.parts.api.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The last ABC classification computed (for all warehouses together), kept until the next one.
 *
 * @param from the first day of the consumption period
 * @param to   its last day
 */
public record AbcClassification(Instant computedAt, String computedBy, LocalDate from, LocalDate to,
        List<AbcClass> parts) {

    public AbcClassification {
        parts = List.copyOf(parts);
    }
}
