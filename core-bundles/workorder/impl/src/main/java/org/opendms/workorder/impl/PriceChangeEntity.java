package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of table wo_price_change: one step of a line's price (set, requested, approved, rejected, withdrawn) with the
 * old and new unit price and discount, who and why; written, never changed. The work order's timeline shows them.
 */
@Entity
@Table(name = "wo_price_change")
public class PriceChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id", nullable = false)
    long jobId;

    @Column(name = "line_id", nullable = false)
    long lineId;

    @Column(name = "request_id")
    Long requestId;

    /** PRICE_SET, PRICE_REQUESTED, PRICE_APPROVED, PRICE_REJECTED or PRICE_WITHDRAWN. */
    @Column(nullable = false)
    String kind;

    /** The line as people name it, e.g. "PART 90915-YZZE1 机油滤清器". */
    @Column(name = "line_label", nullable = false)
    String lineLabel;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "list_price")
    BigDecimal listPrice;

    /** Null for a new line. */
    @Column(name = "old_unit_price")
    BigDecimal oldUnitPrice;

    @Column(name = "old_discount")
    BigDecimal oldDiscount;

    @Column(name = "new_unit_price", nullable = false)
    BigDecimal newUnitPrice;

    @Column(name = "new_discount", nullable = false)
    BigDecimal newDiscount;

    /** Comma-separated reasons it needed the manager, empty when it did not. */
    @Column(nullable = false)
    String exceeds;

    String reason;

    @Column(name = "changed_by", nullable = false)
    String changedBy;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;
}
