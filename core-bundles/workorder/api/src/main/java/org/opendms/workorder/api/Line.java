package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A stored line.
 *
 * @param net            quantity × unit price − discount, rounded HALF_UP to the fen
 * @param actualHours    labour lines: the hours technicians clocked on it (closed clocks only, 2 decimals); null for
 *                       other lines
 * @param specialOrder   part lines: ordered specially for this customer, not from the catalogue (since 3.1)
 * @param notNeeded      part lines: marked by the advisor as not needed, with why; null otherwise (since 3.1)
 * @param issuedQuantity part lines: the net quantity the parts clerk issued (issued − returned); null before any
 *                       issue (since 3.1)
 * @param issueCost      part lines: the cost of that quantity (moving average at each issue), yuan; null before any
 *                       issue; the line's margin is {@code net − issueCost} (since 3.1)
 */
public record Line(long id, long jobId, LineType type, String code, String description, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal discount, BigDecimal net, Long stockItemId, BigDecimal actualHours,
        boolean specialOrder, PartNotNeeded notNeeded, BigDecimal issuedQuantity, BigDecimal issueCost) {

    /** A line as in 3.0: no special order, no mark, nothing issued. */
    public Line(long id, long jobId, LineType type, String code, String description, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal discount, BigDecimal net, Long stockItemId, BigDecimal actualHours) {
        this(id, jobId, type, code, description, quantity, unitPrice, discount, net, stockItemId, actualHours, false,
                null, null, null);
    }
}
