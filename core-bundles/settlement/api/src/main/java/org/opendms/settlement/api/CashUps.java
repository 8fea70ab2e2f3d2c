package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * 交班/日结: each cashier's day, counted by the cashier and closed by the manager. Once a day is closed the cashier
 * takes no more money that day (payments, deposits and receipts are refused with CONFLICT {@code cashup.closed}):
 * a closed day never changes, and nothing taken falls between two days.
 */
@ProviderType
public interface CashUps {

    /** A cashier's day as it stands (id 0 when nothing has been counted yet). */
    CashUp of(String cashier, LocalDate day);

    /** The days of every cashier who counted on {@code day}, by cashier. */
    List<CashUp> ofDay(LocalDate day);

    /**
     * The cashier counts the cash in the drawer at the end of today (again, until the manager closes the day).
     *
     * @throws DmsException INVALID_INPUT {@code countedCash}, {@code note}; CONFLICT {@code cashup.closed}
     */
    CashUp count(BigDecimal countedCash, String note, Actor cashier);

    /**
     * The manager closes a counted day; a variance needs a note.
     *
     * @throws DmsException NOT_FOUND; INVALID_INPUT {@code note}; CONFLICT {@code cashup.not_counted},
     *                      {@code cashup.closed}, {@code stale_version}
     */
    CashUp close(long id, long expectedVersion, String note, Actor manager);
}
