package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 回款: money a credit customer paid against a statement.
 *
 * @param method    {@link TenderMethods#CASH} or {@link CreditStatements#TRANSFER}
 * @param reference the bank's transfer number, the cash receipt number
 */
public record CreditReceipt(long id, long statementId, long customerId, String method, BigDecimal amount,
        String reference, Instant receivedAt, String receivedBy) {
}
