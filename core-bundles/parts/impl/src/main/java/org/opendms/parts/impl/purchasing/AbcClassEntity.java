package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of pur_abc_class: a part's class in a run. */
@Entity
@Table(name = "pur_abc_class")
public class AbcClassEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "consumption_value", nullable = false)
    BigDecimal consumptionValue;

    @Column(nullable = false)
    BigDecimal share;

    @Column(name = "cumulative_share", nullable = false)
    BigDecimal cumulativeShare;

    @Column(name = "abc_class", nullable = false)
    String abcClass;
}
