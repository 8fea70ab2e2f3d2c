package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_deposit: 订金 and how much of it payments used (0 ≤ used ≤ amount, a CHECK too). */
@Entity
@Table(name = "stl_deposit")
public class DepositEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "work_order_id")
    long workOrderId;
    @Column(name = "customer_id")
    long customerId;
    BigDecimal amount;
    BigDecimal used;
    @Column(name = "pay_method")
    String method;
    @Column(name = "ref_no")
    String reference;
    @Column(name = "taken_at")
    LocalDateTime takenAt;
    @Column(name = "taken_by")
    String takenBy;
}
