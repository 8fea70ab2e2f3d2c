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

/** Row of pt_reservation: what a work-order line has reserved in a warehouse. */
@Entity
@Table(name = "pt_reservation")
public class ReservationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Column(name = "work_order_id", nullable = false)
    long workOrderId;

    @Column(name = "line_id", nullable = false)
    long lineId;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(nullable = false)
    BigDecimal shortfall;

    @Column(nullable = false)
    String username;

    @Column(name = "reserved_at", nullable = false)
    LocalDateTime reservedAt;

    /** The line's first reservation, kept for the fill rate: when, how much it got, how much was short. */
    @Column(name = "first_reserved_at", nullable = false)
    LocalDateTime firstReservedAt;

    @Column(name = "first_quantity", nullable = false)
    BigDecimal firstQuantity;

    @Column(name = "first_shortfall", nullable = false)
    BigDecimal firstShortfall;
}
