package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_labour_operation: the labour catalogue. */
@Entity
@Table(name = "wo_labour_operation")
public class LabourOperationEntity {

    @Id
    String code;

    @Column(nullable = false)
    String name;

    @Column(name = "flat_rate_hours", nullable = false)
    BigDecimal flatRateHours;

    /** A code of the skill catalogue, or null. */
    String skill;

    /** Null while in use (a boolean column compares differently on Derby and PostgreSQL in EclipseLink's SQL). */
    @Column(name = "retired_at")
    LocalDateTime retiredAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Column(nullable = false)
    long version;
}
