package org.opendms.workorder.api;

import java.time.LocalDate;

/**
 * A search over work orders; every part given must match.
 *
 * @param plate      the plate, whole or in part, any spelling
 * @param status     one status
 * @param advisor    the advisor's username, exactly
 * @param technician work orders this technician clocked on
 * @param from       opened on or after this shop-local day
 * @param to         opened on or before this shop-local day
 */
public record WorkOrderQuery(String plate, WorkOrderStatus status, String advisor, String technician, LocalDate from,
        LocalDate to) {

    public static WorkOrderQuery all() {
        return new WorkOrderQuery(null, null, null, null, null, null);
    }
}
