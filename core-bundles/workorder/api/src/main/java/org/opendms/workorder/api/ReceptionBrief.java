package org.opendms.workorder.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What the advisor sees at reception (接车提示) beside the new work order: the vehicle, its last visits here, when its
 * maintenance, insurance and annual inspection fall due, whether this visit may be a comeback, and the reminders to
 * raise with the customer. Worked out as of the work order's opening (its day and its mileage in).
 *
 * @param lastOdometerKm the vehicle's latest reading (the mileage in, unless a higher one was recorded since)
 * @param recentVisits   the vehicle's other work orders here, newest first, at most five, cancelled ones left out
 * @param maintenance    null when no maintenance visit of the vehicle is on record here
 * @param insurance      the insurance due date in the vehicle file (交强险/商业险); null when not known
 * @param inspection     the annual inspection (年检) due date in the vehicle file; null when not known
 * @param comebackOf     the delivered work order this visit may be a comeback of, as proposed; null if none
 * @param reminders      one per thing to raise: maintenance due, insurance or inspection due or passed, possible
 *                       comeback, declined jobs to follow up, then the plugins' reminders
 */
public record ReceptionBrief(long workOrderId, long vehicleId, String plate, String vin, String make, String model,
        Integer year, Integer lastOdometerKm, List<PastVisit> recentVisits, MaintenanceDue maintenance,
        DueDate insurance,
        DueDate inspection, PastVisit comebackOf, List<Reminder> reminders) {

    public ReceptionBrief {
        recentVisits = List.copyOf(recentVisits);
        reminders = List.copyOf(reminders);
    }

    /** An earlier visit of the vehicle. {@code concerns} are its jobs' concerns in order. */
    public record PastVisit(long id, String number, WorkOrderStatus status, List<VisitType> visitTypes,
            LocalDate openedOn,
            int mileageInKm, LocalDate deliveredOn, List<String> concerns) {
    }

    /**
     * When the next maintenance falls due: the last maintenance visit's mileage plus the interval, or its day plus the
     * interval's months, whichever comes first.
     *
     * @param due  reached by mileage or by date at this visit
     * @param soon not yet due, but within 500 km or 30 days of it
     */
    public record MaintenanceDue(String lastNumber, LocalDate lastOn, int lastKm, int dueAtKm, LocalDate dueOn,
            boolean due,
            boolean soon) {
    }

    /**
     * A due date as of the visit's day.
     *
     * @param daysLeft negative once passed
     * @param soon     passed, or within the configured number of days
     */
    public record DueDate(LocalDate date, long daysLeft, boolean soon) {
    }

    /**
     * A thing to raise with the customer.
     *
     * @param code maintenance.due, maintenance.soon, insurance.expired, insurance.due, inspection.expired,
     *             inspection.due, comeback.possible, followup.declined (a job declined on an earlier visit, see
     *             {@link FollowUps}), or a plugin's code (see {@code org.opendms.workorder.api.reception})
     */
    public record Reminder(String code, String messageZh, String messageEn) {
    }
}
