package org.opendms.parts.impl.purchasing;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of pur_counter: the last number given of a prefix on a day, e.g. PO20261202. */
@Entity
@Table(name = "pur_counter")
public class PurchasingCounterEntity {

    @Id
    String name;

    @Column(name = "last_value", nullable = false)
    int lastValue;
}
