package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A document put on account (挂账) as it appears on a statement; a reversal's line is negative. */
public record StatementEntry(long settlementId, String number, String workOrderNumber, Instant at,
        BigDecimal amount) {
}
