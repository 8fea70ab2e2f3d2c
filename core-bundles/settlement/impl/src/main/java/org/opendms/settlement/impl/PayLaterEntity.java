package org.opendms.settlement.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_pay_later: a manager let the car leave before its bill was paid. */
@Entity
@Table(name = "stl_pay_later")
public class PayLaterEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "work_order_id")
    long workOrderId;
    String reason;
    @Column(name = "allowed_by")
    String allowedBy;
    @Column(name = "allowed_at")
    LocalDateTime allowedAt;
}
