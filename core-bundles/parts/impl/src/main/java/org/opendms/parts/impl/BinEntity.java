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

/** Row of pt_bin: a bin (库位) of a warehouse. */
@Entity
@Table(name = "pt_bin")
public class BinEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Column(nullable = false)
    String code;

    String area;

    String shelf;

    @Column(name = "lvl")
    String level;

    @Column(nullable = false)
    boolean active = true;
}
