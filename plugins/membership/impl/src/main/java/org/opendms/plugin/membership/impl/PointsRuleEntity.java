package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_points_rule")
public class PointsRuleEntity {

    @Id
    String tier;

    @Column(name = "labour_rate", nullable = false)
    BigDecimal labourRate;

    @Column(name = "parts_rate", nullable = false)
    BigDecimal partsRate;

    @Column(name = "other_rate", nullable = false)
    BigDecimal otherRate;

    @Column(name = "points_per_yuan", nullable = false)
    int pointsPerYuan;

    @Column(name = "max_share", nullable = false)
    BigDecimal maxShare;

    @Column(name = "expiry_months", nullable = false)
    int expiryMonths;

    @Column(nullable = false)
    long version;
}
