package org.opendms.settlement.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_benefit: one benefit's amount off one line of a document, never changed once written. */
@Entity
@Table(name = "stl_benefit")
public class BenefitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "settlement_id")
    long settlementId;
    int seq;
    @Column(name = "name_zh")
    String nameZh;
    @Column(name = "name_en")
    String nameEn;
    @Column(name = "wo_line_id")
    long workOrderLineId;
    BigDecimal amount;
}
