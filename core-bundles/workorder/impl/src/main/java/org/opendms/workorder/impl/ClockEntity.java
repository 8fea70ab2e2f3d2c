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

/** Row of table wo_clock. */
@Entity
@Table(name = "wo_clock")
public class ClockEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id", nullable = false)
    long jobId;

    @Column(name = "line_id", nullable = false)
    long lineId;

    @Column(nullable = false)
    String technician;

    /** {@link #technician} while running, else null; its unique constraint allows one running clock per technician. */
    @Column(name = "running_technician")
    String runningTechnician;

    @Column(name = "started_at", nullable = false)
    LocalDateTime startedAt;

    @Column(name = "ended_at")
    LocalDateTime endedAt;

    @Column(name = "pause_reason")
    String pauseReason;
}
