package org.opendms.invoicing.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of inv_invoice: one invoice request and, once issued, its invoice. */
@Entity
@Table(name = "inv_invoice")
public class InvoiceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "req_number")
    String number;
    @Column(name = "settlement_id")
    long settlementId;
    @Column(name = "open_key")
    Long openKey;
    @Column(name = "settlement_number")
    String settlementNumber;
    @Column(name = "work_order_id")
    long workOrderId;
    @Column(name = "work_order_number")
    String workOrderNumber;
    @Column(name = "customer_id")
    long customerId;
    String kind;
    String status;
    @Column(name = "buyer_name")
    String buyerName;
    @Column(name = "taxpayer_no")
    String taxpayerNumber;
    String address;
    String phone;
    String bank;
    @Column(name = "bank_account")
    String bankAccount;
    String email;
    BigDecimal net;
    @Column(name = "vat_rate")
    BigDecimal vatRate;
    BigDecimal vat;
    BigDecimal total;
    @Column(name = "invoice_no")
    String invoiceNumber;
    @Column(name = "invoice_date")
    LocalDate invoiceDate;
    @Column(name = "issued_via")
    String issuedVia;
    String reason;
    @Column(name = "settlement_reversed")
    boolean settlementReversed;
    @Column(name = "issuing_since")
    LocalDateTime issuingSince;
    @Column(name = "issuing_by")
    String issuingBy;
    @Column(name = "requested_at")
    LocalDateTime requestedAt;
    @Column(name = "requested_by")
    String requestedBy;
    @Column(name = "issued_at")
    LocalDateTime issuedAt;
    @Column(name = "issued_by")
    String issuedBy;
    @Column(name = "closed_at")
    LocalDateTime closedAt;
    @Column(name = "closed_by")
    String closedBy;
    long version;
}
