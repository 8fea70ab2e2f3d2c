package org.opendms.vehicle.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table vehicle_odometer_reading: written, never changed. */
@Entity
@Table(name = "vehicle_odometer_reading")
public class OdometerReadingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "vehicle_id", nullable = false)
    long vehicleId;

    @Column(nullable = false)
    int km;

    @Column(name = "read_at", nullable = false)
    LocalDateTime readAt;

    @Column(nullable = false)
    String source;

    @Column(name = "recorded_by", nullable = false)
    String recordedBy;

    @Column(name = "confirmed_lower", nullable = false)
    boolean confirmedLower;
}
