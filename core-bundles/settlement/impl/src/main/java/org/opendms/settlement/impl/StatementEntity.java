package org.opendms.settlement.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_statement: a credit account's month, once issued; its figures are read from tenders and receipts. */
@Entity
@Table(name = "stl_statement")
public class StatementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "customer_id")
    long customerId;
    String period;
    @Column(name = "issued_at")
    LocalDateTime issuedAt;
    @Column(name = "issued_by")
    String issuedBy;
}
