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

import org.opendms.workorder.api.QcLevel;

/** Row of table wo_qc: written, never changed. */
@Entity
@Table(name = "wo_qc")
public class QcEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "qc_level", nullable = false)
    QcLevel level;

    @Column(nullable = false)
    boolean passed;

    String note;

    @Column(nullable = false)
    String username;

    @Column(name = "checked_at", nullable = false)
    LocalDateTime checkedAt;
}
