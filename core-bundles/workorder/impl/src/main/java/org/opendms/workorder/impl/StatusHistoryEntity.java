package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opendms.workorder.api.WorkOrderStatus;

/** Row of table wo_status_history: written, never changed. */
@Entity
@Table(name = "wo_status_history")
public class StatusHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    WorkOrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    WorkOrderStatus to;

    @Column(nullable = false)
    String username;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;

    String reason;
}
