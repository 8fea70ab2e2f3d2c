package org.opendms.parts.impl.purchasing;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of pur_abc_run: when the classification kept was computed, and over which days. */
@Entity
@Table(name = "pur_abc_run")
public class AbcRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "computed_at", nullable = false)
    LocalDateTime computedAt;

    @Column(name = "computed_by", nullable = false)
    String computedBy;

    @Column(name = "from_day", nullable = false)
    LocalDate fromDay;

    @Column(name = "to_day", nullable = false)
    LocalDate toDay;
}
