package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.platform.api.jpa.Audited;

/** Row of pt_movement: a ledger row, inserted once and never changed. */
@Entity
@Table(name = "pt_movement")
public class MovementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "posting_id", nullable = false)
    long postingId;

    @Column(name = "movement_type", nullable = false)
    String movementType;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Column(name = "bin_id", nullable = false)
    long binId;

    @Column(name = "batch_no")
    String batchNumber;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "unit_cost", nullable = false)
    BigDecimal unitCost;

    @Column(name = "move_value", nullable = false)
    BigDecimal moveValue;

    @Column(name = "on_hand_after", nullable = false)
    BigDecimal onHandAfter;

    @Column(name = "avg_cost_after", nullable = false)
    BigDecimal averageCostAfter;

    @Column(name = "work_order_id")
    Long workOrderId;

    @Column(name = "line_id")
    Long lineId;

    @Column(name = "transfer_id")
    Long transferId;

    @Column(name = "ref_no")
    String reference;

    String reason;

    @Column(nullable = false)
    String username;

    @Column(name = "moved_at", nullable = false)
    LocalDateTime movedAt;
}
