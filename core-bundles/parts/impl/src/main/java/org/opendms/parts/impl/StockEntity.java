package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.platform.api.jpa.Audited;

/** Row of pt_stock: a part in a warehouse. Locked (SELECT … FOR UPDATE) by every posting that moves it. */
@Entity
@Table(name = "pt_stock")
public class StockEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Column(name = "on_hand", nullable = false)
    BigDecimal onHand = BigDecimal.ZERO;

    @Column(nullable = false)
    BigDecimal reserved = BigDecimal.ZERO;

    @Column(name = "in_transit", nullable = false)
    BigDecimal inTransit = BigDecimal.ZERO;

    @Column(name = "avg_cost", nullable = false)
    BigDecimal averageCost = BigDecimal.ZERO;

    @Column(name = "min_qty")
    BigDecimal minimum;

    @Column(name = "max_qty")
    BigDecimal maximum;

    @Column(name = "reorder_point")
    BigDecimal reorderPoint;

    @Column(name = "last_movement_at")
    LocalDateTime lastMovementAt;

    /** Not an optimistic version: the row lock queues writers; counts changes for diagnosis. */
    @Column(nullable = false)
    long version;
}
