package org.opendms.workorder.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table wo_counter: the last number given out on one shop-local day (yyyyMMdd). */
@Entity
@Table(name = "wo_counter")
public class CounterEntity {

    @Id
    String day;

    @Column(name = "last_value", nullable = false)
    int lastValue;
}
