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
 * Transactions: called inside a transaction of the {@code dms-parts} persistence unit on the same thread (the
 * purchasing and stocktake services of the parts bundles: a receipt against a purchase order, approved stocktake
 * variances), a posting joins it and commits or rolls back with it; its events are told after that commit. Called
 * from anywhere else it runs and commits on its own.
 */
@ProviderType
public interface StockLedger {

    /**
     * Posts the lines, all or none.
     *
     * @throws DmsException INVALID_INPUT naming {@code lines[i].<field>} for every wrong line (nothing posted);
     *                      CONFLICT {@code stock.insufficient} (field {@code lines[i].quantity}) when an issue or loss
     *                      would take on hand below 0, {@code batch.expired} when only expired stock is left,
     *                      {@code return.exceeds_issued} when a return is more than the line got, {@code part.inactive}
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
