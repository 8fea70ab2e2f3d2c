package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 交班/日结: one cashier's day at the shop (the shop's zone). Until it is closed the expected figures are read live;
 * closing keeps them as they were.
 *
 * @param id           0 while nothing has been counted (the day is only read)
 * @param expected     per tender, from the cashier's payments, refunds, deposits and receipts of the day
 * @param expectedCash the cash that should be in the drawer
 * @param countedCash  what the cashier counted; null before counting
 * @param variance     counted − expected cash (短款 negative, 长款 positive); null before counting
 * @param note         the cashier's or the manager's note (required to close with a variance)
 */
public record CashUp(long id, String cashier, LocalDate day, CashUpStatus status, List<CashUpTender> expected,
        BigDecimal expectedCash, BigDecimal countedCash, BigDecimal variance, String note, Instant countedAt,
        Instant closedAt, String closedBy, long version) {
}
