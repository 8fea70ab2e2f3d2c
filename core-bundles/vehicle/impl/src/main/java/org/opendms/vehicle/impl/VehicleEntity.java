package org.opendms.vehicle.impl;

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
import org.opendms.vehicle.api.EnergyType;

/** Row of table vehicle. Times are UTC. */
@Entity
@Table(name = "vehicle")
public class VehicleEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String vin;

    String plate;

    /** {@link #plate} while {@link #active}, otherwise null; its unique constraint keeps active plates unique. */
    @Column(name = "active_plate")
    String activePlate;

    String make;

    String model;

    @Column(name = "model_year")
    Integer year;

    @Column(name = "engine_number")
    String engineNumber;

    String colour;

    @Enumerated(EnumType.STRING)
    @Column(name = "energy_type")
    EnergyType energyType;

    @Column(name = "owner_id", nullable = false)
    long ownerId;

    @Column(name = "user_id")
    Long userId;

    @Column(name = "insurance_due_date")
    LocalDate insuranceDueDate;

    @Column(name = "inspection_due_date")
    LocalDate inspectionDueDate;

    @Column(nullable = false)
    boolean active;

    /** The km of the newest odometer reading, kept here so lists need not read the history. */
    @Column(name = "last_odometer_km")
    Integer lastOdometerKm;

    @Version
    long version;
}
