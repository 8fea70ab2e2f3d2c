package org.opendms.settlement.api.event;

import java.time.Instant;

import org.opendms.settlement.api.CreditStatement;

/**
 * A credit account's monthly statement (对账单) was issued for the first time (asking for it again issues nothing).
 *
 * @param statement the statement as issued: period, due date, opening, charges, closing, owed
 * @param at        when it was issued
 * @param by        who issued it
 */
public record StatementIssuedEvent(CreditStatement statement, Instant at, String by) {
}
