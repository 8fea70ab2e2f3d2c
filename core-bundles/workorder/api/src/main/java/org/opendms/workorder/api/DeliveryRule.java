package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Violation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for "may the car leave now?": the settlement module registers one that refuses while the customer's bill
 * is neither paid nor on account and no manager recorded permission to pay later. {@link WorkOrderFlow#changeStatus}
 * to DELIVERED asks every registered rule inside its transaction and refuses with CONFLICT carrying every refusal;
 * nothing changes then. Without any registered, the work order is delivered as before.
 *
 * @since 3.2
 */
@ConsumerType
public interface DeliveryRule {

    /**
     * Why the work order may not be delivered; empty when it may. A rule only reads.
     *
     * @param workOrder as it stands
     */
    List<Violation> refusals(WorkOrder workOrder);
}
