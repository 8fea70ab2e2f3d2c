package org.opendms.settlement.api;

import java.math.BigDecimal;

/**
 * One line of a document.
 *
 * @param workOrderLineId the work order's line it bills; null for the handling fee
 * @param jobId           the work order's job; null for the handling fee
 * @param listNet         the line's net as on the work order (after its own line discount)
 * @param discount        what plugins' benefits took off the line and its share of the whole-bill discount, to the
 *                        fen (largest remainder)
 * @param net             listNet − discount
 */
public record SettlementLine(long id, Long workOrderLineId, Long jobId, LineKind kind, String code,
        String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal listNet, BigDecimal discount,
        BigDecimal net) {
}
