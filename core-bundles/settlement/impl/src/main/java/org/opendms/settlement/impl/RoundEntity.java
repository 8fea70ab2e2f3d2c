package org.opendms.settlement.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_work_order: a work order's last settlement round, locked while it is settled. */
@Entity
@Table(name = "stl_work_order")
public class RoundEntity {

    @Id
    @Column(name = "work_order_id")
    Long workOrderId;
    @Column(name = "last_round")
    int lastRound;
}
