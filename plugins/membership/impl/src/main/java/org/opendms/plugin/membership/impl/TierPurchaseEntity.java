package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of mem_tier_purchase: a tier bought, never changed. */
@Entity
@Table(name = "mem_tier_purchase")
public class TierPurchaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "member_id", nullable = false)
    long memberId;
    @Column(nullable = false)
    String tier;
    @Column(nullable = false)
    BigDecimal price;
    @Column(name = "paid_with", nullable = false)
    String paidWith;
    String reference;
    @Column(name = "valid_from", nullable = false)
    LocalDate validFrom;
    @Column(name = "valid_to", nullable = false)
    LocalDate validTo;
    @Column(name = "sold_at", nullable = false)
    LocalDateTime soldAt;
    @Column(name = "sold_by", nullable = false)
    String soldBy;
}
