package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** Row of pur_receipt_line. */
@Entity
@Table(name = "pur_receipt_line")
public class ReceiptLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "receipt_id", nullable = false)
    ReceiptEntity receipt;

    @Column(name = "order_line_id", nullable = false)
    long orderLineId;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(nullable = false)
    BigDecimal quantity;

    @Column(name = "ordered_price", nullable = false)
    BigDecimal orderedPrice;

    @Column(name = "unit_price", nullable = false)
    BigDecimal unitPrice;

    @Column(name = "price_difference", nullable = false)
    BigDecimal priceDifference;

    @Column(name = "bin_id")
    Long binId;

    @Column(name = "batch_number")
    String batchNumber;

    @Column(name = "ledger_entry_id", nullable = false)
    long ledgerEntryId;
}
