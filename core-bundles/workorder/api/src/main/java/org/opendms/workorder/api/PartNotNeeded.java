package org.opendms.workorder.api;

import java.time.Instant;

/**
 * A part line the advisor marked as not needed (无需领料): the work order completes without it being issued.
 *
 * @since 3.1
 */
public record PartNotNeeded(String reason, Instant at, String recordedBy) {
}
