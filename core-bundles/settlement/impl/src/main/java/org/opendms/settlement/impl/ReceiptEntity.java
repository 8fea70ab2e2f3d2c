package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_receipt: money received against a statement (回款); never changed. */
@Entity
@Table(name = "stl_receipt")
public class ReceiptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "statement_id")
    long statementId;
    @Column(name = "customer_id")
    long customerId;
    @Column(name = "pay_method")
    String method;
    BigDecimal amount;
    @Column(name = "ref_no")
    String reference;
    @Column(name = "received_at")
    LocalDateTime receivedAt;
    @Column(name = "received_by")
    String receivedBy;
}
