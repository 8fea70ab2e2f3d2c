package org.opendms.reports.api;

import java.time.LocalDate;

/**
 * A date that differs from the usual week: a holiday (法定节假日, {@code working} false) or an extra working day (调休上班,
 * {@code working} true).
 *
 * @param note e.g. 国庆节; at most 60 characters
 */
public record CalendarDay(LocalDate day, boolean working, String note) {
}
