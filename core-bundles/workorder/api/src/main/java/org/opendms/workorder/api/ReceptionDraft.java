package org.opendms.workorder.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the advisor records at reception (接车) to open a work order in one call.
 *
 * @param plate               the licence plate in any spelling; required unless the appointment gives it
 * @param vin                 only used when the plate is unknown: the vehicle is then registered with it (the vehicle
 *                            archive requires a VIN); for a known vehicle, a VIN given must be the vehicle's
 * @param ownerId             only used when the plate is unknown: the customer who owns the new vehicle
 * @param mileageKm           odometer at reception (进厂里程), recorded as a reading of the vehicle; required
 * @param confirmLowerMileage the advisor confirmed a mileage lower than the vehicle's last reading
 * @param fuelPercent         fuel level 0–100; optional
 * @param walkAround          findings of the walk-around check (环车检查): damage, belongings; optional, at most 2000
 *                            characters
 * @param concerns            the customer's concerns; each becomes a job; absent takes the appointment's
 * @param advisor             the service advisor's username; absent means the appointment's advisor, else the user
 *                            opening the work order
 * @param promisedAt          when delivery was promised (for the on-time-delivery KPI); optional, not in the past
 * @param visitTypes          at least one
 * @param approval            when present, the customer approved the initial jobs at reception; otherwise they start
 *                            unapproved
 * @param appointmentId       the appointment (预约) the vehicle came for, converted into this work order; optional
 * @param confirmSecondOpen   the advisor confirmed opening a second work order for a vehicle that already has one open
 *                            (not delivered nor cancelled); without it reception is refused with CONFLICT
 *                            {@code vehicle.open_work_order} naming the open one
 */
public record ReceptionDraft(String plate, String vin, Long ownerId, Integer mileageKm, Boolean confirmLowerMileage,
        Integer fuelPercent, String walkAround, List<JobDraft> concerns, String advisor, Instant promisedAt,
        Set<VisitType> visitTypes, ApprovalDraft approval, Long appointmentId, Boolean confirmSecondOpen) {

    /** Without the confirmation of a second open work order. */
    public ReceptionDraft(String plate, String vin, Long ownerId, Integer mileageKm, Boolean confirmLowerMileage,
            Integer fuelPercent, String walkAround, List<JobDraft> concerns, String advisor, Instant promisedAt,
            Set<VisitType> visitTypes, ApprovalDraft approval, Long appointmentId) {
        this(plate, vin, ownerId, mileageKm, confirmLowerMileage, fuelPercent, walkAround, concerns, advisor,
                promisedAt,
                visitTypes, approval, appointmentId, null);
    }

    /** A walk-in: no appointment. */
    public ReceptionDraft(String plate, String vin, Long ownerId, Integer mileageKm, Boolean confirmLowerMileage,
            Integer fuelPercent, String walkAround, List<JobDraft> concerns, String advisor, Instant promisedAt,
            Set<VisitType> visitTypes, ApprovalDraft approval) {
        this(plate, vin, ownerId, mileageKm, confirmLowerMileage, fuelPercent, walkAround, concerns, advisor,
                promisedAt,
                visitTypes, approval, null);
    }
}
