package org.opendms.settlement.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of settlement changes after they committed; a listener that throws is logged and the change stands. Implement
 * the methods you need.
 */
@ConsumerType
public interface SettlementListener {

    /** A document was paid in full (or had nothing to pay). */
    default void settled(SettlementEvent event) {
    }

    /** A paid document was reversed (红冲); the event names the reversal document. */
    default void reversed(SettlementEvent event) {
    }

    /** A credit account's monthly statement was issued (once per account and month). @since 1.1 */
    default void statementIssued(StatementIssuedEvent event) {
    }

    /** A cashier's day was closed by the manager. @since 1.1 */
    default void cashUpClosed(CashUpClosedEvent event) {
    }
}
