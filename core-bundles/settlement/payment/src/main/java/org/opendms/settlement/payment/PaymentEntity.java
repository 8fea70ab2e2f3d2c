package org.opendms.settlement.payment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;
import javax.persistence.Table;

/** Row of stl_online_payment: one online payment of a settlement document. */
@Entity
@Table(name = "stl_online_payment")
public class PaymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "pay_number")
    String number;
    @Column(name = "settlement_id")
    long settlementId;
    String provider;
    @Column(name = "tender_method")
    String tenderMethod;
    String scene;
    BigDecimal amount;
    String status;
    @Column(name = "code_url")
    String codeUrl;
    @Column(name = "transaction_id")
    String transactionId;
    BigDecimal refunded;
    String detail;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "paid_at")
    LocalDateTime paidAt;
    @Column(name = "applied_at")
    LocalDateTime appliedAt;
    /** bumped by each change of state (the row lock, not this, keeps changes apart) */
    long version;
    /** the document's id while PENDING, else null: unique, so a document has one pending payment at most */
    @Column(name = "pending_for")
    Long pendingFor;

    @PrePersist
    @PreUpdate
    void markPending() {
        pendingFor = "PENDING".equals(status) ? settlementId : null;
    }
}
