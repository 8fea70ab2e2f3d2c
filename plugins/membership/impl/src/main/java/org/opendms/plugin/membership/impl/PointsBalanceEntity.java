package org.opendms.plugin.membership.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's points now: the sum of the ledger, in one row every movement locks. */
@Entity
@Table(name = "mem_points_balance")
public class PointsBalanceEntity {

    @Id
    @Column(name = "member_id")
    Long memberId;

    @Column(nullable = false)
    long points;

    @Column(nullable = false)
    long version;
}
