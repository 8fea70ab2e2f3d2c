package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.parts.api.purchasing.PurchaseOrderStatus;
import org.opendms.platform.api.jpa.Audited;

/** Row of pur_order with its lines. */
@Entity
@Table(name = "pur_order")
public class PurchaseOrderEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String number;

    @Column(name = "supplier_id", nullable = false)
    long supplierId;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PurchaseOrderStatus status;

    @Column(name = "expected_date")
    LocalDate expectedDate;

    String note;

    @Column(nullable = false)
    BigDecimal total;

    @Column(name = "sent_at")
    LocalDateTime sentAt;

    String reason;

    @Column(nullable = false)
    boolean urgent;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    List<PurchaseOrderLineEntity> lines = new ArrayList<>();

    @Version
    long version;
}
