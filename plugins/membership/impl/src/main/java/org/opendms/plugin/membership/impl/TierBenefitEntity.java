package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of mem_tier_benefit: what a tier gives off the member's bills; absent is nothing. */
@Entity
@Table(name = "mem_tier_benefit")
public class TierBenefitEntity {

    @Id
    String tier;
    @Column(name = "labour_off", nullable = false)
    BigDecimal labourOff;
    @Column(name = "parts_off", nullable = false)
    BigDecimal partsOff;
    @Column(nullable = false)
    long version;
}
