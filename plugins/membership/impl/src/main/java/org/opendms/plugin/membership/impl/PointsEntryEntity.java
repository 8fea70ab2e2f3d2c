package org.opendms.plugin.membership.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_points_entry")
public class PointsEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    long points;

    @Column(name = "balance_after", nullable = false)
    long balanceAfter;

    @Column(name = "settlement_id")
    Long settlementId;

    String reference;

    String reason;

    /** Set on what adds a lot of points that expires (EARN, a positive ADJUST) and on the TAKE_BACK of an EARN. */
    @Column(name = "expires_on")
    LocalDate expiresOn;

    /** What may happen once: EARN:settlement, TAKE_BACK:settlement, REDEEM_BACK:entry. */
    @Column(name = "once_key")
    String onceKey;

    @Column(name = "entered_at", nullable = false)
    LocalDateTime at;

    @Column(name = "entered_by", nullable = false)
    String by;
}
