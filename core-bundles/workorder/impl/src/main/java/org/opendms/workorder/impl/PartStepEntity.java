package org.opendms.workorder.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of table wo_part_step: one step of a part line (issued, returned, ordered, arrived, not needed), never changed.
 */
@Entity
@Table(name = "wo_part_step")
public class PartStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "job_id")
    Long jobId;

    @Column(name = "line_id")
    Long lineId;

    @Column(nullable = false)
    String kind;

    @Column(name = "text_zh", nullable = false)
    String textZh;

    @Column(name = "text_en", nullable = false)
    String textEn;

    @Column(name = "recorded_by", nullable = false)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    LocalDateTime recordedAt;
}
