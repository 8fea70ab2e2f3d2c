package org.opendms.settlement.payment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_online_refund: money asked back from the provider for an online payment. */
@Entity
@Table(name = "stl_online_refund")
public class RefundEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "payment_id")
    long paymentId;
    @Column(name = "refund_number")
    String number;
    BigDecimal amount;
    String reason;
    String status;
    @Column(name = "refund_id")
    String refundId;
    String detail;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
}
