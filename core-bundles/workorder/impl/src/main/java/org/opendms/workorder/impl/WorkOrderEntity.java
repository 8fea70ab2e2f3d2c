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

import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * Row of table wo_work_order. Times are UTC. The version is kept by the service under a row lock (read, compare with
 * what the user read, add one), not by JPA, so every change moves it even when no column of this row changed.
 */
@Entity
@Table(name = "wo_work_order")
public class WorkOrderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "wo_number", nullable = false)
    String number;

    @Column(name = "vehicle_id", nullable = false)
    long vehicleId;

    @Column(nullable = false)
    String plate;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    WorkOrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "wait_reason")
    WaitReason waitReason;

    /** Comma-separated VisitType names. */
    @Column(name = "visit_types", nullable = false)
    String visitTypes;

    @Column(name = "mileage_in_km", nullable = false)
    int mileageInKm;

    @Column(name = "fuel_percent")
    Integer fuelPercent;

    @Column(name = "walk_around")
    String walkAround;

    @Column(nullable = false)
    String advisor;

    @Column(name = "promised_at")
    LocalDateTime promisedAt;

    @Column(name = "delivered_at")
    LocalDateTime deliveredAt;

    @Column(name = "vat_rate", nullable = false)
    BigDecimal vatRate;

    @Column(name = "rework_count", nullable = false)
    int reworkCount;

    @Column(name = "final_qc_passed", nullable = false)
    boolean finalQcPassed;

    /** The QC levels passed since the work order was last repaired, comma separated; null for none. */
    @Column(name = "qc_passed")
    String qcPassed;

    @Column(name = "comeback_of_id")
    Long comebackOfId;

    @Column(name = "comeback_of_number")
    String comebackOfNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "comeback_decision")
    ComebackDecision comebackDecision;

    @Column(name = "comeback_decided_by")
    String comebackDecidedBy;

    @Column(name = "comeback_decided_at")
    LocalDateTime comebackDecidedAt;

    @Column(name = "opened_at", nullable = false)
    LocalDateTime openedAt;

    @Column(name = "opened_by", nullable = false)
    String openedBy;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Column(nullable = false)
    long version;
}
