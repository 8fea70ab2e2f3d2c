/**
 * Stocktake (盘点): a count sheet frozen at a moment for a warehouse (or some of its bins), counted quantities entered
 * (also by a scanned part number), variances listed with their value, and the manager's approval that posts them into
 * the ledger as adjustments.
 * <p>
 * <b>Movements during a stocktake.</b> The sheet lists each part and bin with the book quantity at the freeze. Stock
 * keeps moving (the workshop does not stop): a count is compared with the book quantity <i>at the moment the count is
 * entered</i> (what the shelf should hold then, movements since the freeze included), and the line keeps both. The
 * approval posts each variance as a delta adjustment, never "set to the counted quantity", so an issue or receipt
 * between the count and the approval stays in the stock. A part moved after its line was counted is shown as
 * {@code movedSinceCount}, so the manager may send it back for a recount. An adjustment that would take the stock below
 * zero is refused and nothing is posted.
 */
@Export
@Version("1.0.0")
package org.opendms.parts.api.stocktake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
