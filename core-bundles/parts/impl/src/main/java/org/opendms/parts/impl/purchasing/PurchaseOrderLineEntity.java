package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** Row of pur_order_line. */
@Entity
@Table(name = "pur_order_line")
public class PurchaseOrderLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "order_id", nullable = false)
    PurchaseOrderEntity order;

    @Column(nullable = false)
    int position;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(nullable = false)
    BigDecimal received;

    @Column(name = "unit_price", nullable = false)
    BigDecimal unitPrice;

    @Column(name = "work_order_id")
    Long workOrderId;
}
