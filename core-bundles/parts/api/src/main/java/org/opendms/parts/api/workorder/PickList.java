package org.opendms.parts.api.workorder;

import java.util.List;

/**
 * A work order's pick list (领料单).
 *
 * @param number the work order's number, e.g. WO20261122-0001
 * @param status the work order's status (names of {@code WorkOrderStatus})
 * @param lines  the part lines of its approved jobs, by job and line
 */
public record PickList(long workOrderId, String number, String plate, String status, List<PickLine> lines) {

    public PickList {
        lines = List.copyOf(lines);
    }

    /** The line with that id. */
    public PickLine line(long lineId) {
        return lines.stream().filter(l -> l.lineId() == lineId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part line " + lineId + " on " + number));
    }
}
