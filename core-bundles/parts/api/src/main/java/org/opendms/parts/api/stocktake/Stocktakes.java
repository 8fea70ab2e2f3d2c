package org.opendms.parts.api.stocktake;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stocktakes (permissions {@code parts.stocktake.read}, {@code parts.stocktake.count} for the clerk,
 * {@code parts.stocktake.approve} for the manager). A change takes the version read ({@code stale_version}); a step
 * the status does not allow is a CONFLICT {@code stocktake.status}. See the package for how movements during a
 * stocktake are handled.
 */
@ProviderType
public interface Stocktakes {

    /**
     * Freezes a count sheet now: a line per part and bin with stock (on hand, or a stock row) in the warehouse or the
     * bins. One open stocktake per bin: a bin already on an open sheet is refused ({@code stocktake.bin_busy}).
     */
    Stocktake open(StocktakeDraft draft, Actor actor);

    Stocktake get(long id, Actor actor);

    Page<Stocktake> search(Long warehouseId, StocktakeStatus status, PageRequest page, Actor actor);

    /** Enters counts (a later count of a line replaces the earlier one); all are checked before any is stored. */
    Stocktake count(long id, long expectedVersion, List<Count> counts, Actor actor);

    /** COUNTING → SUBMITTED: every line counted ({@code stocktake.uncounted} otherwise). */
    Stocktake submit(long id, long expectedVersion, Actor actor);

    /** SUBMITTED → COUNTING, with the manager's reason: recount. */
    Stocktake reopen(long id, long expectedVersion, String reason, Actor actor);

    /**
     * SUBMITTED → POSTED: each variance becomes a ledger adjustment at the moving-average cost, all or none, in the
     * approval's transaction. Manager only.
     */
    Stocktake approve(long id, long expectedVersion, Actor actor);

    /** COUNTING or SUBMITTED → CANCELLED, with a reason; nothing is posted. */
    Stocktake cancel(long id, long expectedVersion, String reason, Actor actor);
}
