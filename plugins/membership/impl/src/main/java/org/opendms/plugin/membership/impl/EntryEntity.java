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
@Table(name = "mem_sv_entry")
public class EntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    BigDecimal principal;

    @Column(nullable = false)
    BigDecimal bonus;

    @Column(name = "principal_after", nullable = false)
    BigDecimal principalAfter;

    @Column(name = "bonus_after", nullable = false)
    BigDecimal bonusAfter;

    @Column(name = "settlement_id")
    Long settlementId;

    /** For a PAYMENT_BACK: the payment it puts back. */
    @Column(name = "payment_id")
    Long paymentId;

    String reference;

    String reason;

    @Column(name = "paid_with")
    String paidWith;

    @Column(name = "entered_at", nullable = false)
    LocalDateTime at;

    @Column(name = "entered_by", nullable = false)
    String by;
}
