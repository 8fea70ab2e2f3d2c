package org.opendms.parts.api;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The stock ledger (库存台账): the only way on hand changes. A posting writes its ledger rows and the stock rows they
 * move in one transaction, each row with its cost, the moving-average cost of the part in the warehouse kept up to date
 * (a receipt or a gain at its own cost averages in; everything else moves at the average); stock of a part in a
 * warehouse is changed by one posting at a time, so on hand never goes below 0 however many clerks post at once.
 * <p>
 * Transactions: a posting commits on its own, all lines or none. Called inside a transaction of the {@code dms-parts}
 * persistence unit on the same thread (Aries JPA's "Required"), it joins that transaction and commits or rolls back
 * with it. The purchasing and stocktake services of the parts bundles (a receipt against a purchase order, approved
 * stocktake variances) post through the implementation's ledger engine inside their own transaction instead, so that
 * the events wait for their commit.
 */
@ProviderType
public interface StockLedger {

    /**
     * Posts the lines, all or none.
     *
     * @throws DmsException INVALID_INPUT naming {@code lines[i].<field>} for every wrong line (nothing posted);
     *                      CONFLICT {@code stock.insufficient} (field {@code lines[i].quantity}) when an issue or loss
     *                      would take on hand below 0, {@code batch.expired} when only expired stock is left,
     *                      {@code return.exceeds_issued} when a return is more than the line got; INVALID_INPUT
     *                      {@code part.inactive} for a withdrawn part received or issued
     */
    Posting post(List<MovementDraft> lines, Actor actor);

    /** One line. */
    default Posting post(MovementDraft line, Actor actor) {
        return post(List.of(line), actor);
    }

    /** @throws DmsException NOT_FOUND {@code postingId} */
    Posting posting(long postingId, Actor actor);

    /** Ledger rows matching the query, newest first. */
    Page<StockMovement> search(LedgerQuery query, PageRequest page, Actor actor);

    /**
     * What a work-order line has been issued net of returns (for returns and for the work order's completion rule).
     */
    BigDecimal issuedToLine(long workOrderId, long lineId);
}
