package org.opendms.plugin.insurance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.platform.api.jpa.Audited;
import org.opendms.plugin.insurance.api.PolicyKind;

/** Row of table ins_policy. Times are UTC. */
@Entity
@Table(name = "ins_policy")
public class PolicyEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "vehicle_id", nullable = false)
    long vehicleId;

    String plate;

    @Column(nullable = false)
    String insurer;

    @Column(name = "policy_number", nullable = false)
    String policyNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PolicyKind kind;

    @Column(name = "start_date", nullable = false)
    LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    LocalDate endDate;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal premium;

    String note;

    @Version
    long version;
}
