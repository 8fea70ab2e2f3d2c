package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's stored value now: the sum of the ledger, kept in one row that every movement locks. */
@Entity
@Table(name = "mem_balance")
public class BalanceEntity {

    @Id
    @Column(name = "member_id")
    Long memberId;

    @Column(nullable = false)
    BigDecimal principal;

    @Column(nullable = false)
    BigDecimal bonus;

    @Column(nullable = false)
    long version;
}
