package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PriceRequest;

/** Row of table wo_price_request: a line's price waiting for (or decided by) the service manager. */
@Entity
@Table(name = "wo_price_request")
public class PriceRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id", nullable = false)
    long jobId;

    /** The line; no foreign key, so that removing the line (which withdraws the request) keeps the request. */
    @Column(name = "line_id", nullable = false)
    long lineId;

    @Enumerated(EnumType.STRING)
    @Column(name = "line_type", nullable = false)
    LineType lineType;

    String code;

    @Column(nullable = false)
    String description;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "list_price")
    BigDecimal listPrice;

    @Column(name = "old_unit_price", nullable = false)
    BigDecimal oldUnitPrice;

    @Column(name = "old_discount", nullable = false)
    BigDecimal oldDiscount;

    @Column(name = "unit_price", nullable = false)
    BigDecimal unitPrice;

    @Column(nullable = false)
    BigDecimal discount;

    /** The requester's discount limit in percent; null for none. */
    @Column(name = "limit_percent")
    BigDecimal limitPercent;

    /** Comma-separated: price.below_list, discount.over_limit. */
    @Column(nullable = false)
    String exceeds;

    @Column(nullable = false)
    String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PriceRequest.Status status;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    LocalDateTime requestedAt;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    LocalDateTime decidedAt;

    @Column(name = "decision_reason")
    String decisionReason;
}
