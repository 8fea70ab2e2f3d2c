package org.opendms.parts.api.workorder;

import java.math.BigDecimal;

/** Where a pick line's part lies: a bin (库位) and what is on hand there. */
public record PickBin(long binId, String binCode, BigDecimal onHand) {
}
