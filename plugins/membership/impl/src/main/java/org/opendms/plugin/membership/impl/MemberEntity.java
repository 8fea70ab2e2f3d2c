package org.opendms.plugin.membership.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_member")
public class MemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "member_no")
    String memberNumber;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Column(nullable = false)
    String tier;

    @Column(name = "joined_at", nullable = false)
    LocalDateTime joinedAt;

    @Column(name = "consent_at", nullable = false)
    LocalDateTime consentAt;

    @Column(name = "consent_by", nullable = false)
    String consentBy;

    @Column(name = "consent_channel", nullable = false)
    String consentChannel;

    @Column(name = "pin_hash")
    String pinHash;

    @Column(name = "pin_failures", nullable = false)
    int pinFailures;

    @Column(name = "pin_locked_until")
    LocalDateTime pinLockedUntil;

    @Column(nullable = false)
    boolean active;

    @Column(nullable = false)
    long version;
}
