package org.opendms.workorder.api;

import java.time.Instant;

/**
 * One step of a work order's life, as its timeline shows it: who did what, when.
 *
 * @param kind  OPENED, STATUS, APPROVED, DECLINED, DISPATCHED, CLOCKED_ON, CLOCKED_OFF, QC_PASSED, QC_FAILED,
 *              COMEBACK, PROMISE_CHANGED; PRICE_SET, PRICE_REQUESTED, PRICE_APPROVED, PRICE_REJECTED or
 *              PRICE_WITHDRAWN (a line's price: old and new unit price and discount, by whom and why); the part
 *              steps of {@link PartLines} (PART_NOT_NEEDED, PART_ISSUED, PART_RETURNED, PART_RESERVED, PART_RELEASED,
 *              PART_ORDERED, PART_ARRIVED; since 3.1)
 * @param jobId the job the step concerns; null for the work order as a whole
 */
public record TimelineEntry(Instant at, String username, String kind, Long jobId, String textZh, String textEn) {
}
