package org.opendms.reports.api.event;

import org.opendms.reports.api.Alert;

/** A rule fired for a week and the alert was recorded. */
public record AlertEvent(Alert alert) {
}
