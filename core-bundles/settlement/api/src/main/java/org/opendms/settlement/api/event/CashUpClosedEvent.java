package org.opendms.settlement.api.event;

import java.time.Instant;

import org.opendms.settlement.api.CashUp;

/**
 * A cashier's day (交班/日结) was closed by the manager: its expected figures per tender are frozen.
 *
 * @param cashUp the day as closed: cashier, day, expected per tender, counted cash, variance, note
 * @param at     when it was closed
 * @param by     the manager who closed it
 */
public record CashUpClosedEvent(CashUp cashUp, Instant at, String by) {
}
