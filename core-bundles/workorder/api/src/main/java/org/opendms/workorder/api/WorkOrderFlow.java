package org.opendms.workorder.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The status flow of a work order through the workshop (see {@link WorkOrderStatus} for the allowed moves). A change
 * takes the version the user read: if it changed since, nothing is written and a CONFLICT {@code stale_version} tells
 * the user to re-read.
 */
@ProviderType
public interface WorkOrderFlow {

    /**
     * Moves the status and records the move in the history. DELIVERED stores the delivery time. COMPLETED needs every
     * configured QC level (default SELF, FOREMAN and FINAL; configuration {@code qcLevels}) passed since the work order
     * was last back IN_REPAIR, else CONFLICT {@code qc.final_missing} or {@code qc.level_missing}; AWAITING_QC needs no
     * running clock; COMPLETED also asks every registered {@link CompletionRule} (CONFLICT with their refusals, e.g.
     * {@code parts.not_issued}). The foreman moves a work order through the workshop (IN_REPAIR, WAITING, AWAITING_QC);
     * completing, delivering and cancelling stay with advisor and manager.
     *
     * @param waitReason required for WAITING, refused otherwise
     * @param note       optional, at most 500 characters; kept in the history
     *
     * @throws DmsException CONFLICT field {@code status} code {@code illegal_transition} for a move not allowed
     */
    WorkOrder changeStatus(long id, long expectedVersion, WorkOrderStatus target, WaitReason waitReason, String note,
            Actor actor);

    /**
     * Moves the promised delivery time (约定交车时间), e.g. when the customer approves an add-on; the old and the new
     * time and the reason are kept in the timeline (kind {@code PROMISE_CHANGED}). Advisor and manager.
     *
     * @param promisedAt required, not in the past (INVALID_INPUT {@code promisedAt} {@code required} / {@code in_past})
     * @param reason     required, at most 200 characters (INVALID_INPUT {@code reason})
     *
     * @throws DmsException CONFLICT {@code status} {@code status.final} once delivered or cancelled
     */
    WorkOrder changePromisedAt(long id, long expectedVersion, java.time.Instant promisedAt, String reason, Actor actor);
}
