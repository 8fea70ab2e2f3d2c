package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_cashup: one cashier's day, counted and then closed by the manager. */
@Entity
@Table(name = "stl_cashup")
public class CashUpEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String cashier;
    @Column(name = "business_day")
    LocalDate day;
    String status;
    @Column(name = "counted_cash")
    BigDecimal countedCash;
    @Column(name = "expected_cash")
    BigDecimal expectedCash;
    String note;
    @Column(name = "counted_at")
    LocalDateTime countedAt;
    @Column(name = "closed_at")
    LocalDateTime closedAt;
    @Column(name = "closed_by")
    String closedBy;
    long version;
}
