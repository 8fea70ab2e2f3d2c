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

/** Row of pt_supersession: one successor of a part; ended rows stay as history. */
@Entity
@Table(name = "pt_supersession")
public class SupersessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(nullable = false)
    String kind;

    @Column(name = "successor_id", nullable = false)
    long successorId;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "effective_from", nullable = false)
    LocalDate effectiveFrom;

    String note;

    @Column(name = "ended_at")
    LocalDateTime endedAt;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;
}
