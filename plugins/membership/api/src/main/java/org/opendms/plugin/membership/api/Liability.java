package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stored value owed at the end of a shop day (储值负债).
 *
 * @param principal owed to the members in money: the liability of the balance sheet
 * @param bonus     spendable but never paid out
 * @param members   members with a balance above 0
 */
public record Liability(LocalDate day, BigDecimal principal, BigDecimal bonus, long members) {
}
