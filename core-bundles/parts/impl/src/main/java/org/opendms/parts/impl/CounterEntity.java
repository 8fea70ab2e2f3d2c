package org.opendms.parts.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of pt_counter: the last number given of a series (transfers of a day), locked while the next is taken. */
@Entity
@Table(name = "pt_counter")
public class CounterEntity {

    @Id
    String name;

    @Column(name = "last_value", nullable = false)
    int lastValue;
}
