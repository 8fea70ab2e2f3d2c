package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's own settled bill (or its reversal, negative), for the rolling twelve months of the tier rule. */
@Entity
@Table(name = "mem_spend")
public class SpendEntity {

    @Id
    @Column(name = "settlement_id")
    Long settlementId;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(name = "spent_on", nullable = false)
    LocalDate day;

    @Column(nullable = false)
    BigDecimal amount;
}
