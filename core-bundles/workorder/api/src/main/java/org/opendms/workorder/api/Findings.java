package org.opendms.workorder.api;

import java.time.Instant;

/**
 * What the technician found and did on a job: with the customer's concern, the three Cs of a repair record (concern,
 * cause, correction) printed on the customer's documents.
 *
 * @param cause      the cause found (故障原因); null until entered
 * @param correction the correction done (维修措施); null until entered
 * @param at         when they were last recorded
 * @param recordedBy the user who last recorded them
 */
public record Findings(String cause, String correction, Instant at, String recordedBy) {
}
