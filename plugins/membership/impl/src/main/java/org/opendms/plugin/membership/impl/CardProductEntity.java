package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "mem_card_product")
public class CardProductEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String code;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    BigDecimal price;

    @Column(nullable = false)
    int uses;

    /** Labour operation codes, comma-separated, upper case. */
    @Column(nullable = false)
    String operations;

    @Column(name = "includes_parts", nullable = false)
    boolean includesParts;

    @Column(name = "valid_months", nullable = false)
    int validMonths;

    @Column(nullable = false)
    String binding;

    @Column(nullable = false)
    boolean active;

    @Column(nullable = false)
    long version;
}
