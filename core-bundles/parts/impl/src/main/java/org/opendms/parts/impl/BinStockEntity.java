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

/** Row of pt_bin_stock: a part in a bin; changed only under the lock of its pt_stock row. */
@Entity
@Table(name = "pt_bin_stock")
public class BinStockEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Column(name = "bin_id", nullable = false)
    long binId;

    @Column(name = "on_hand", nullable = false)
    BigDecimal onHand = BigDecimal.ZERO;
}
