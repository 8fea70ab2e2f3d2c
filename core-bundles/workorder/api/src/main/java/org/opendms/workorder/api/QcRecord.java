package org.opendms.workorder.api;

import java.time.Instant;

/** One quality check with its result. */
public record QcRecord(QcLevel level, boolean passed, String note, String username, Instant at) {
}
