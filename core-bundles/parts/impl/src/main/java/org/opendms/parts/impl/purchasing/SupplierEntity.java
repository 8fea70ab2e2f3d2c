package org.opendms.parts.impl.purchasing;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.platform.api.jpa.Audited;

/** Row of pur_supplier. */
@Entity
@Table(name = "pur_supplier")
public class SupplierEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String code;

    @Column(nullable = false)
    String name;

    @Column(name = "contact_person")
    String contactPerson;

    String phone;

    String email;

    String address;

    @Column(name = "lead_time_days", nullable = false)
    int leadTimeDays;

    @Column(name = "payment_terms")
    String paymentTerms;

    @Column(nullable = false)
    boolean active;

    String note;

    @Version
    long version;
}
