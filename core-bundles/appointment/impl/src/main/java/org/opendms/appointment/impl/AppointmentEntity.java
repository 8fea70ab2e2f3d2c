package org.opendms.appointment.impl;

import java.time.LocalDate;
import java.time.LocalTime;

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
import org.opendms.appointment.api.AppointmentChannel;
import org.opendms.appointment.api.AppointmentStatus;

/** Row of table app_appointment. Day and times are the shop's local calendar; audit times are UTC. */
@Entity
@Table(name = "app_appointment")
public class AppointmentEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String plate;

    @Column(name = "customer_id")
    Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AppointmentChannel channel;

    @Column(nullable = false)
    LocalDate day;

    @Column(name = "start_time", nullable = false)
    LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    LocalTime endTime;

    @Column(nullable = false)
    String advisor;

    /** One concern a line. */
    @Column(nullable = false)
    String concerns;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AppointmentStatus status;

    @Column(name = "work_order_id")
    Long workOrderId;

    String reason;

    @Version
    long version;
}
