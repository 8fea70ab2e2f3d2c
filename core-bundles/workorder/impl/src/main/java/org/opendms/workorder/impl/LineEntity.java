package org.opendms.workorder.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opendms.workorder.api.LineType;

/** Row of table wo_line. */
@Entity
@Table(name = "wo_line")
public class LineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id", nullable = false)
    long jobId;

    @Enumerated(EnumType.STRING)
    @Column(name = "line_type", nullable = false)
    LineType type;

    String code;

    @Column(nullable = false)
    String description;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    BigDecimal unitPrice;

    @Column(nullable = false)
    BigDecimal discount;

    @Column(nullable = false)
    BigDecimal net;

    @Column(name = "stock_item_id")
    Long stockItemId;

    @Column(name = "special_order", nullable = false)
    boolean specialOrder;

    @Column(name = "not_needed_reason")
    String notNeededReason;

    @Column(name = "not_needed_at")
    java.time.LocalDateTime notNeededAt;

    @Column(name = "not_needed_by")
    String notNeededBy;

    /** Net quantity the parts clerk issued (issued − returned), as the parts module last told it. */
    @Column(name = "issued_quantity")
    BigDecimal issuedQuantity;

    @Column(name = "issue_cost")
    BigDecimal issueCost;
}
