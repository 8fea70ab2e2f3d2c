package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * 挂账对账: monthly statements of credit accounts, receipts against them, and ageing. On account past due: see
 * {@link Settlements#pay}, a tender {@code ON_ACCOUNT} is refused (CONFLICT {@code credit.overdue}) unless the manager
 * pays with the reason in the tender's reference.
 */
@ProviderType
public interface CreditStatements {

    /** A receipt by bank transfer (转账). */
    String TRANSFER = "TRANSFER";

    /**
     * The account's statement of a month, made the first time it is asked for (the cashier).
     *
     * @param period {@code yyyy-MM}, not after the shop's current month
     *
     * @throws DmsException INVALID_INPUT {@code period}; NOT_FOUND {@code customerId} without an account
     */
    CreditStatement issue(long customerId, String period, Actor actor);

    /** @throws DmsException NOT_FOUND */
    CreditStatement statement(long id);

    /** The account's statements, newest month first. */
    List<CreditStatement> statements(long customerId);

    /**
     * Money received against a statement: partial allowed, never more than it owes; the account's balance goes down.
     *
     * @param method {@link TenderMethods#CASH} or {@link #TRANSFER}
     *
     * @throws DmsException INVALID_INPUT {@code amount}, {@code method}, {@code reference}; CONFLICT
     *                      {@code statement.overpaid} over what the statement owes
     */
    CreditReceipt receive(long statementId, String method, BigDecimal amount, String reference, Actor actor);

    /** @throws DmsException NOT_FOUND without an account */
    Ageing ageing(long customerId);

    /** Every account's ageing, by customer id. */
    List<Ageing> ageing();
}
