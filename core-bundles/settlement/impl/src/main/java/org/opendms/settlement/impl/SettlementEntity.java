package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_settlement: one document (a bill per payer, or its reversal). */
@Entity
@Table(name = "stl_settlement")
public class SettlementEntity {

    static final String BILL = "B";
    static final String REVERSAL = "R";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "st_number")
    String number;
    @Column(name = "work_order_id")
    long workOrderId;
    @Column(name = "work_order_number")
    String workOrderNumber;
    @Column(name = "settle_round")
    int round;
    @Column(name = "doc_kind")
    String kind;
    String payer;
    @Column(name = "customer_id")
    long customerId;
    @Column(name = "payer_name")
    String payerName;
    String status;
    BigDecimal labour;
    BigDecimal parts;
    BigDecimal sublet;
    BigDecimal fees;
    @Column(name = "handling_fee")
    BigDecimal handlingFee;
    BigDecimal discount;
    @Column(name = "discount_requested_by")
    String discountRequestedBy;
    @Column(name = "discount_approved_by")
    String discountApprovedBy;
    BigDecimal net;
    @Column(name = "vat_rate")
    BigDecimal vatRate;
    BigDecimal vat;
    BigDecimal gross;
    @Column(name = "round_to")
    String roundTo;
    BigDecimal rounding;
    BigDecimal payable;
    BigDecimal paid;
    @Column(name = "on_account")
    BigDecimal onAccount;
    @Column(name = "reversal_of_id")
    Long reversalOfId;
    @Column(name = "reversed_by_id")
    Long reversedById;
    String reason;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "settled_at")
    LocalDateTime settledAt;
    @Column(name = "settled_by")
    String settledBy;
    long version;
}
