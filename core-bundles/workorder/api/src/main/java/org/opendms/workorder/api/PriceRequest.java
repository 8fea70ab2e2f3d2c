package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A price that waits for (or had) the service manager's decision (改价审批).
 *
 * @param jobSeq          the job's number on the work order (项目 1, 2, …)
 * @param listPrice       the line's list price when requested; null when the line has none
 * @param oldUnitPrice    the line's unit price when requested (a new line: what it was stored with meanwhile)
 * @param unitPrice       the unit price requested
 * @param discount        the discount requested, yuan
 * @param discountPercent the discount requested in percent of quantity × unit price, 2 decimals
 * @param limitPercent    the requester's discount limit in percent; null for none
 * @param exceeds         why it needs approval: {@code price.below_list}, {@code discount.over_limit}
 * @param reason          the requester's reason
 * @param decisionReason  the manager's (or withdrawer's) reason; null while pending
 */
public record PriceRequest(long id, long workOrderId, String workOrderNumber, String plate, long jobId, int jobSeq,
        long lineId, LineType lineType, String code, String description, BigDecimal quantity, BigDecimal listPrice,
        BigDecimal oldUnitPrice, BigDecimal oldDiscount, BigDecimal unitPrice, BigDecimal discount,
        BigDecimal discountPercent, BigDecimal limitPercent, List<String> exceeds, String reason, Status status,
        String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason) {

    public PriceRequest {
        exceeds = List.copyOf(exceeds);
    }

    /** Where a request stands. */
    public enum Status {
        /** 待审批 waiting for the manager */
        PENDING,
        /** 已批准 the requested price applies */
        APPROVED,
        /** 已驳回 the line kept its price */
        REJECTED,
        /** 已撤回 taken back, replaced by a newer request, or its line or job went */
        WITHDRAWN
    }
}
