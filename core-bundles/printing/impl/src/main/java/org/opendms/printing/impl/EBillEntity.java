package org.opendms.printing.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An e-bill link: the SHA-256 of its token (never the token), the work order it opens, and until when. */
@Entity
@Table(name = "prt_ebill_link")
public class EBillEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "work_order_id")
    long workOrderId;

    @Column(name = "created_at")
    LocalDateTime createdAt;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "expires_at")
    LocalDateTime expiresAt;
}
