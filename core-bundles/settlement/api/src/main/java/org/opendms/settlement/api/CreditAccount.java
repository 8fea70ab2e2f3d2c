package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 挂账账户: a company customer's credit with the shop.
 *
 * @param creditLimit what may be owed at most without the manager
 * @param termsDays   days until a charge is due (账期)
 * @param balance     what is owed now: charges on account less reversals and receipts against statements
 */
public record CreditAccount(long customerId, String customerName, BigDecimal creditLimit, int termsDays,
        BigDecimal balance, boolean active, Instant updatedAt, String updatedBy, long version) {

    /** What may still go on account within the limit. */
    public BigDecimal available() {
        return creditLimit.subtract(balance);
    }
}
