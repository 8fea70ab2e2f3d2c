package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_authorisation")
public class AuthorisationEntity {

    @Id
    String code;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(nullable = false)
    BigDecimal amount;

    @Column(name = "expires_at", nullable = false)
    LocalDateTime expiresAt;

    /** The payment entry that used it; null while unused (or when its payment failed and was put back). */
    @Column(name = "used_by_entry")
    Long usedByEntry;

    @Column(name = "created_by", nullable = false)
    String createdBy;
}
