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

/** Row of pt_transfer. */
@Entity
@Table(name = "pt_transfer")
public class TransferEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "transfer_no", nullable = false)
    String number;

    @Column(name = "from_warehouse_id", nullable = false)
    long fromWarehouseId;

    @Column(name = "to_warehouse_id", nullable = false)
    long toWarehouseId;

    @Column(nullable = false)
    String status;

    String reason;

    @Column(name = "sent_by", nullable = false)
    String sentBy;

    @Column(name = "sent_at", nullable = false)
    LocalDateTime sentAt;

    @Column(name = "received_by")
    String receivedBy;

    @Column(name = "received_at")
    LocalDateTime receivedAt;

    @Version
    long version;
}
