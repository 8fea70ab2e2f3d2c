package org.opendms.plugin.insurance.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of table ins_vehicle_due: an active vehicle's insurance due date as the vehicle file last told it. */
@Entity
@Table(name = "ins_vehicle_due")
public class VehicleDueEntity {

    @Id
    @Column(name = "vehicle_id")
    long vehicleId;

    String plate;

    @Column(name = "owner_id", nullable = false)
    long ownerId;

    @Column(name = "insurance_due_date", nullable = false)
    LocalDate insuranceDueDate;

    @Column(name = "vehicle_version", nullable = false)
    long vehicleVersion;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;
}
