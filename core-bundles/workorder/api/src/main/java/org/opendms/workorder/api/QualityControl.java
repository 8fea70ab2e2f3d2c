package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Quality control (质检) of the repair and the comeback decision (返修判定): whether this visit is the same fault coming
 * back after an earlier delivery. Every change takes the work order's version read (CONFLICT {@code stale_version}).
 */
@ProviderType
public interface QualityControl {

    /**
     * Records a quality check of a work order AWAITING_QC. A failure sends it back to IN_REPAIR as rework (counted in
     * {@link WorkOrder#reworkCount()}); a pass of every configured level allows COMPLETED. SELF checks are recorded by
     * technicians, FOREMAN checks by the foreman, FINAL checks by the QC inspector; the service manager may stand in.
     *
     * @param note required when failed, at most 500 characters
     */
    WorkOrder check(long id, long expectedVersion, QcLevel level, boolean passed, String note, Actor actor);

    /** Every quality check, oldest first. */
    List<QcRecord> checks(long id);

    /** The advisor confirms the proposed comeback link. */
    WorkOrder confirmComeback(long id, long expectedVersion, Actor actor);

    /** The advisor rejects the proposed comeback link; the earlier work order stays named for the record. */
    WorkOrder rejectComeback(long id, long expectedVersion, Actor actor);
}
