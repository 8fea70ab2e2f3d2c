package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Violation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for "may this work order be completed now?" beyond the work order's own rules (QC): the parts module
 * registers one that refuses while approved part lines are not issued (unless marked not needed, see
 * {@link PartLines#markNotNeeded}). {@link WorkOrderFlow#changeStatus} to COMPLETED asks every registered rule inside
 * its transaction and refuses with CONFLICT carrying every refusal; nothing changes then. Without any registered, the
 * work order completes as before.
 *
 * @since 3.1
 */
@ConsumerType
public interface CompletionRule {

    /**
     * Why the work order may not be completed; empty when it may. A rule only reads (it runs while the work order is
     * locked, so it must not change the work order through this API).
     *
     * @param workOrder as it stands, its lines with their marks
     */
    List<Violation> refusals(WorkOrder workOrder);
}
