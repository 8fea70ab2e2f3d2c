package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_coupon")
public class CouponEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String code;

    @Column(name = "campaign_id", nullable = false)
    long campaignId;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(name = "used_settlement_id")
    Long usedSettlementId;

    @Column(name = "used_amount")
    BigDecimal usedAmount;

    @Column(name = "used_at")
    LocalDateTime usedAt;

    @Column(name = "issued_at", nullable = false)
    LocalDateTime issuedAt;

    @Column(nullable = false)
    long version;
}
