package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_acted_for: someone acting for the technicians of a work order, written, never changed. */
@Entity
@Table(name = "wo_acted_for")
public class ActedForEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id")
    Long jobId;

    /** CLOCK_ON, CLOCK_OFF, FINDINGS, QC_SELF or SKILL_OVERRIDE. */
    @Column(nullable = false)
    String what;

    @Column(name = "acted_by", nullable = false)
    String actedBy;

    /** The technicians acted for, comma separated; none when nobody was dispatched yet. */
    @Column(name = "acted_for")
    String actedFor;

    String reason;

    @Column(name = "acted_at", nullable = false)
    LocalDateTime actedAt;
}
