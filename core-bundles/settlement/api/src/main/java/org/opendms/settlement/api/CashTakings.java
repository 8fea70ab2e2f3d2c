package org.opendms.settlement.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Money a plugin takes at the cash desk outside settlements (a stored-value top-up, a package sold), told to the
 * cashier's day ({@link CashUps}): registered as a service, it is asked for each cashier's day that is not closed yet;
 * its figures are added to the day's expected figures per tender and kept with them when the manager closes the day.
 * A plugin should refuse to take money for a cashier whose day is closed (ask {@link CashUps#of}).
 *
 * @since 1.4
 */
@ConsumerType
public interface CashTakings {

    /**
     * What the cashier took through the plugin on the shop's day, per core tender method (CASH, WECHAT …), refunds
     * negative; empty when nothing.
     */
    List<CashUpTender> takings(String cashier, LocalDate day);
}
