package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;

/** Row of pur_receipt with its lines; never changed once written. */
@Entity
@Table(name = "pur_receipt")
public class ReceiptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String number;

    @Column(name = "order_id", nullable = false)
    long orderId;

    @Column(name = "delivery_note")
    String deliveryNote;

    String note;

    @Column(nullable = false)
    BigDecimal amount;

    @Column(name = "price_difference", nullable = false)
    BigDecimal priceDifference;

    @Column(name = "received_at", nullable = false)
    LocalDateTime receivedAt;

    @Column(name = "received_by", nullable = false)
    String receivedBy;

    @OneToMany(mappedBy = "receipt", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("id")
    List<ReceiptLineEntity> lines = new ArrayList<>();
}
