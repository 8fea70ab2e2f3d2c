package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_tender: one tender of a payment, or a refund (negative) on a reversal; never changed. */
@Entity
@Table(name = "stl_tender")
public class TenderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "settlement_id")
    long settlementId;
    int seq;
    @Column(name = "pay_method")
    String method;
    BigDecimal amount;
    BigDecimal tendered;
    @Column(name = "change_given")
    BigDecimal change;
    @Column(name = "ref_no")
    String reference;
    @Column(name = "deposit_id")
    Long depositId;
    @Column(name = "approved_by")
    String approvedBy;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
}
