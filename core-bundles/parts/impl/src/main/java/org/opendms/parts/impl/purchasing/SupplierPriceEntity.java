package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of pur_supplier_price: a supplier's price of a part from a day on. */
@Entity
@Table(name = "pur_supplier_price")
public class SupplierPriceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "supplier_id", nullable = false)
    long supplierId;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "supplier_part_number")
    String supplierPartNumber;

    @Column(name = "unit_price", nullable = false)
    BigDecimal unitPrice;

    @Column(name = "min_order_qty")
    BigDecimal minOrderQuantity;

    @Column(name = "valid_from", nullable = false)
    LocalDate validFrom;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;
}
