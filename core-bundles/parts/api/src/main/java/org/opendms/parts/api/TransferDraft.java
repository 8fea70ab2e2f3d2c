package org.opendms.parts.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A transfer to send.
 *
 * @param fromWarehouseId required, active, not an OLD_PARTS warehouse
 * @param toWarehouseId   required, active, other than the source ({@code transfer.same_warehouse})
 * @param lines           required, at least one, each part at most once
 * @param reason          optional, at most 200 characters
 */
public record TransferDraft(long fromWarehouseId, long toWarehouseId, List<Line> lines, String reason) {

    public TransferDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * @param fromBinId optional: absent takes from the bins holding stock
     * @param quantity  more than 0, at most the source's available quantity
     */
    public record Line(long partId, Long fromBinId, BigDecimal quantity) {
    }
}
