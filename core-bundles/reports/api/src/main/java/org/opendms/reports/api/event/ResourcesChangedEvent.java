package org.opendms.reports.api.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The resources in force changed from a day on (a month's entry: its first day; a calendar mark: that date).
 *
 * @param what {@code month} or {@code calendar}
 */
public record ResourcesChangedEvent(String what, LocalDate from, String by, Instant at) {
}
