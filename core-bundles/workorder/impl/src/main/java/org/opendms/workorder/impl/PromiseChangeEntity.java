package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_promise_change: one move of the promised delivery time, written, never changed. */
@Entity
@Table(name = "wo_promise_change")
public class PromiseChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "old_promised_at")
    LocalDateTime oldPromisedAt;

    @Column(name = "new_promised_at", nullable = false)
    LocalDateTime newPromisedAt;

    @Column(nullable = false)
    String reason;

    @Column(name = "changed_by", nullable = false)
    String changedBy;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime changedAt;
}
