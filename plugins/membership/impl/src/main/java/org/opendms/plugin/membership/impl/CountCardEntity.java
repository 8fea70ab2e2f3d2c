package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A card sold: the product's terms are copied, so a later change of the product does not change a card sold. */
@Entity
@Table(name = "mem_count_card")
public class CountCardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "card_no")
    String cardNumber;

    @Column(name = "member_id", nullable = false)
    long memberId;

    @Column(name = "product_id", nullable = false)
    long productId;

    @Column(name = "product_name", nullable = false)
    String productName;

    @Column(nullable = false)
    String operations;

    @Column(name = "includes_parts", nullable = false)
    boolean includesParts;

    @Column(name = "vehicle_id")
    Long vehicleId;

    @Column(nullable = false)
    int uses;

    @Column(name = "uses_left", nullable = false)
    int usesLeft;

    @Column(name = "expires_on", nullable = false)
    LocalDate expiresOn;

    @Column(nullable = false)
    BigDecimal price;

    @Column(name = "paid_with", nullable = false)
    String paidWith;

    String reference;

    @Column(name = "sold_at", nullable = false)
    LocalDateTime soldAt;

    @Column(name = "sold_by", nullable = false)
    String soldBy;

    @Column(nullable = false)
    long version;
}
