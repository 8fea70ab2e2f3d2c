package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A part of the catalogue (配件档案).
 *
 * @param number       as printed and its search key
 * @param taxRate      fraction, e.g. 0.13
 * @param active       false once withdrawn from the catalogue: not received nor issued any more, still in the ledger
 * @param supersededBy the 1:1 successor in effect today, if any (see {@link Catalogue#supersessions})
 * @param version      for optimistic changes
 */
public record Part(long id, PartNumber number, String name, String brand, String category, String unit,
        Prices prices, BigDecimal taxRate, String fitmentNotes, boolean batchTracked, boolean decimal,
        boolean active, Long supersededBy, long version, Instant createdAt) {
}
