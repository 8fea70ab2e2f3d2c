package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A stored line.
 *
 * @param net         quantity × unit price − discount, rounded HALF_UP to the fen
 * @param actualHours labour lines: the hours technicians clocked on it (closed clocks only, 2 decimals); null for
 *                    other lines
 */
public record Line(long id, long jobId, LineType type, String code, String description, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal discount, BigDecimal net, Long stockItemId, BigDecimal actualHours) {
}
