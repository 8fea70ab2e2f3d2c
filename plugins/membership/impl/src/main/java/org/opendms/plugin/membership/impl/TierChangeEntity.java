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
@Table(name = "mem_tier_change")
public class TierChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(name = "from_tier", nullable = false)
    String from;

    @Column(name = "to_tier", nullable = false)
    String to;

    @Column(nullable = false)
    BigDecimal spend;

    @Column(name = "changed_at", nullable = false)
    LocalDateTime at;
}
