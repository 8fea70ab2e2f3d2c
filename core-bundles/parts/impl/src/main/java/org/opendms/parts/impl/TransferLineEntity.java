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

/** Row of pt_transfer_line: what left, at what cost (one row per batch of a batch-tracked part). */
@Entity
@Table(name = "pt_transfer_line")
public class TransferLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "transfer_id", nullable = false)
    long transferId;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "unit_cost", nullable = false)
    BigDecimal unitCost;

    @Column(name = "batch_no")
    String batchNumber;

    @Column(name = "expires_on")
    LocalDate expiresOn;
}
