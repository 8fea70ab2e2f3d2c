package org.opendms.workorder.api;

import java.time.Instant;

/**
 * One move of a work order's status, kept for good.
 *
 * @param from   null for the opening
 * @param reason the wait reason's name, a QC failure's note, or the user's note; may be null
 */
public record StatusChange(WorkOrderStatus from, WorkOrderStatus to, String username, Instant at, String reason) {
}
