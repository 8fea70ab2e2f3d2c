package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;

/** A suggestion taken into a purchase order, possibly with the clerk's quantity (null: the suggested one). */
public record SuggestedLine(long partId, BigDecimal quantity) {
}
