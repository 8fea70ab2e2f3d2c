package org.opendms.settlement.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_line: a line of a document, never changed once written. */
@Entity
@Table(name = "stl_line")
public class LineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "settlement_id")
    long settlementId;
    int seq;
    @Column(name = "wo_line_id")
    Long workOrderLineId;
    @Column(name = "job_id")
    Long jobId;
    String kind;
    String code;
    String description;
    BigDecimal quantity;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    @Column(name = "list_net")
    BigDecimal listNet;
    BigDecimal discount;
    BigDecimal net;
}
