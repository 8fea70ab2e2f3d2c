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
     * running clock. The foreman moves a work order through the workshop (IN_REPAIR, WAITING, AWAITING_QC);
     * completing, delivering and cancelling stay with advisor and manager.
     *
     * @param waitReason required for WAITING, refused otherwise
     * @param note       optional, at most 500 characters; kept in the history
     * @throws DmsException CONFLICT field {@code status} code {@code illegal_transition} for a move not allowed
     */
    WorkOrder changeStatus(long id, long expectedVersion, WorkOrderStatus target, WaitReason waitReason, String note,
            Actor actor);
}
