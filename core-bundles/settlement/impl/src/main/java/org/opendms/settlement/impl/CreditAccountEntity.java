package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_credit_account: a company customer's 挂账 limit, terms and balance. */
@Entity
@Table(name = "stl_credit_account")
public class CreditAccountEntity {

    @Id
    @Column(name = "customer_id")
    Long customerId;
    @Column(name = "customer_name")
    String customerName;
    @Column(name = "credit_limit")
    BigDecimal creditLimit;
    @Column(name = "terms_days")
    int termsDays;
    BigDecimal balance;
    boolean active;
    @Column(name = "updated_at")
    LocalDateTime updatedAt;
    @Column(name = "updated_by")
    String updatedBy;
    long version;
}
