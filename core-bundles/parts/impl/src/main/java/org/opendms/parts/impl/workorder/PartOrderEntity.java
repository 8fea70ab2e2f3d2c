package org.opendms.parts.impl.workorder;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table pt_wo_order: a part ordered for a work-order line, OPEN until a receipt of it arrives. */
@Entity
@Table(name = "pt_wo_order")
public class PartOrderEntity {

    static final String OPEN = "OPEN";
    static final String ARRIVED = "ARRIVED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "line_id", nullable = false)
    long lineId;

    @Column(name = "part_number", nullable = false)
    String partNumber;

    /** The part number's search key: a receipt of a part with this key is the arrival. */
    @Column(name = "part_key", nullable = false)
    String partKey;

    @Column(nullable = false)
    BigDecimal quantity;

    String note;

    @Column(nullable = false)
    String status;

    @Column(name = "ordered_by", nullable = false)
    String orderedBy;

    @Column(name = "ordered_at", nullable = false)
    LocalDateTime orderedAt;

    @Column(name = "arrived_at")
    LocalDateTime arrivedAt;

    @Column(name = "receipt_movement_id")
    Long receiptMovementId;
}
