package org.opendms.parts.api;

import java.math.BigDecimal;

/** What lies in one bin of a warehouse for a part. Reservations are per warehouse, not per bin. */
public record BinStock(long binId, String binCode, BigDecimal onHand) {
}
