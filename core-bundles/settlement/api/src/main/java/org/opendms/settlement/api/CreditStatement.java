package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 对账单: a credit account's month. The figures are read when the statement is read, so a charge or reversal later in
 * the same month appears on it; generating the month again gives the same statement.
 *
 * @param period    the month, {@code yyyy-MM} in the shop's zone
 * @param dueDate   the month's last day plus the account's terms: after it the month's charges are overdue
 * @param opening   owed at the start of the month (charges less receipts before it)
 * @param charges   the month's on-account documents (a reversal's credit is negative)
 * @param received  receipts taken during the month, against any statement
 * @param closing   opening + charges − received
 * @param owed      what is still owed against this statement: its charges less the receipts against it
 * @param documents the on-account documents of the month, oldest first
 * @param receipts  the receipts against this statement, oldest first
 */
public record CreditStatement(long id, long customerId, String customerName, String period, LocalDate dueDate,
        BigDecimal opening, BigDecimal charges, BigDecimal received, BigDecimal closing, BigDecimal owed,
        List<StatementEntry> documents, List<CreditReceipt> receipts, Instant issuedAt, String issuedBy) {
}
