package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer between warehouses (调拨单): its TRANSFER_OUT rows were posted when sent, its TRANSFER_IN rows when
 * received.
 *
 * @param number e.g. DB20261202-0001
 */
public record Transfer(long id, String number, long fromWarehouseId, long toWarehouseId, TransferStatus status,
        List<Line> lines, String reason, String sentBy, Instant sentAt, String receivedBy, Instant receivedAt,
        long version) {

    public Transfer {
        lines = List.copyOf(lines);
    }

    /**
     * @param unitCost the cost it left with; null for roles without {@code parts.cost.read}
     */
    public record Line(long partId, String partNumber, BigDecimal quantity, BigDecimal unitCost) {
    }
}
