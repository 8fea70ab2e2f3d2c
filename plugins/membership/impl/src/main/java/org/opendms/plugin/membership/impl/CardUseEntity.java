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
@Table(name = "mem_card_use")
public class CardUseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "card_id", nullable = false)
    long cardId;

    @Column(name = "settlement_id", nullable = false)
    long settlementId;

    @Column(name = "settlement_no")
    String settlementNumber;

    @Column(name = "job_id")
    Long jobId;

    @Column(nullable = false)
    BigDecimal value;

    /** For a putting back: the use it puts back (unique: a use goes back once). */
    @Column(name = "use_id")
    Long useId;

    @Column(name = "used_at", nullable = false)
    LocalDateTime at;

    @Column(name = "used_by", nullable = false)
    String by;
}
