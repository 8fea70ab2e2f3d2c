package org.opendms.parts.api.stocktake;

import java.math.BigDecimal;

/**
 * A quantity counted: for a line of the sheet by id, or for a part by number (any spelling or a scanned label) in a bin
 * (the bin may be left out when the part has one line on the sheet). A part found where the sheet has no line for it
 * gets a new line with a book quantity of 0 at the freeze. A batch-tracked part is counted per batch
 * ({@code batchNumber}).
 */
public record Count(Long lineId, String partNumber, Long binId, String batchNumber, BigDecimal quantity) {
}
