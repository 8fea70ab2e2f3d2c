package org.opendms.reports.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shop's calendar and workshop resources, kept by the manager (permission {@code report.resources.edit}); read
 * by whoever reads reports ({@code report.read}). Every change is in the audit trail.
 */
@ProviderType
public interface ShopResources {

    /** The entry in force in the month: its own, else the latest earlier one; empty when none was ever entered. */
    Optional<MonthResources> inForce(YearMonth month, Actor actor);

    /**
     * Enters the month's resources (replacing its own entry if any).
     *
     * @throws DmsException INVALID_INPUT naming the field: {@code workingWeekdays} empty, {@code shiftHours} not in
     *                      (0, 24], {@code bays.BODY} negative, {@code technicians[2].login} blank or twice,
     *                      {@code technicians[2].wage} negative, {@code commissionShare} not in [0, 1]
     */
    MonthResources enter(MonthResources resources, Actor actor);

    /** The holidays and extra working days of a period, by date. */
    List<CalendarDay> calendar(Period period, Actor actor);

    /**
     * Marks a date as a holiday or an extra working day; {@code working} equal to the usual week removes the mark.
     *
     * @throws DmsException INVALID_INPUT {@code note} over 60 characters
     */
    CalendarDay mark(CalendarDay day, Actor actor);

    /** D: the period's working days by the entries in force and the calendar. */
    int workingDays(Period period, Actor actor);
}
