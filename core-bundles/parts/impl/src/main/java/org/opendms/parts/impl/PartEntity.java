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

/** Row of pt_part: a catalogue part. */
@Entity
@Table(name = "pt_part")
public class PartEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "part_no", nullable = false)
    String number;

    @Column(name = "part_key", nullable = false)
    String key;

    @Column(nullable = false)
    String name;

    String brand;

    String category;

    @Column(nullable = false)
    String unit;

    @Column(name = "price_retail", nullable = false)
    BigDecimal retail;

    @Column(name = "price_warranty")
    BigDecimal warranty;

    @Column(name = "price_insurance")
    BigDecimal insurance;

    @Column(name = "price_internal")
    BigDecimal internal;

    @Column(name = "tax_rate", nullable = false)
    BigDecimal taxRate;

    @Column(name = "fitment_notes")
    String fitmentNotes;

    @Column(name = "batch_tracked", nullable = false)
    boolean batchTracked;

    @Column(name = "decimal_qty", nullable = false)
    boolean decimal;

    @Column(nullable = false)
    boolean active = true;

    @Column(name = "superseded_by")
    Long supersededBy;

    @Column(name = "superseded_from")
    LocalDate supersededFrom;

    @Version
    long version;
}
