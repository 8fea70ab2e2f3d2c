package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A work order as screens and plugins see it.
 *
 * @param number           e.g. WO20261122-0001: the shop-local day of opening and a counter per day
 * @param vehicleId        the vehicle in the vehicle archive (by id only)
 * @param plate            the plate at opening, normalised
 * @param customerId       the vehicle's owner at opening
 * @param waitReason       set while WAITING, else null
 * @param deliveredAt      when the vehicle was actually handed back; compare with {@code promisedAt}
 * @param vatRate          the VAT rate fixed at opening, e.g. 0.13
 * @param totals           of all jobs, see {@link Totals} for the rounding rule
 * @param reworkCount      how many times QC failed and sent it back to repair
 * @param finalQcPassed    FINAL QC passed since the last rework; COMPLETED needs it
 * @param comebackOfId     the earlier, delivered work order this visit may be a comeback (返修) of; null if none
 * @param comebackDecision null when there is no comeback link
 * @param version          changes with every change; send it back as expectedVersion
 * @param onTime           once delivered: delivered by the promised time; null while not delivered or with no promise
 * @param late             not yet delivered (nor cancelled) and past its promised time, as of reading
 */
public record WorkOrder(long id, String number, long vehicleId, String plate, long customerId, WorkOrderStatus status,
        WaitReason waitReason, Set<VisitType> visitTypes, int mileageInKm, Integer fuelPercent, String walkAround,
        String advisor, Instant promisedAt, Instant deliveredAt, BigDecimal vatRate, List<Job> jobs, Totals totals,
        int reworkCount, boolean finalQcPassed, Long comebackOfId, String comebackOfNumber,
        ComebackDecision comebackDecision, Instant openedAt, String openedBy, Instant updatedAt, String updatedBy,
        long version, Boolean onTime, boolean late) {

    public WorkOrder {
        visitTypes = Set.copyOf(visitTypes);
        jobs = List.copyOf(jobs);
    }

    /** A work order as in 2.0, before on-time and late: neither known. */
    public WorkOrder(long id, String number, long vehicleId, String plate, long customerId, WorkOrderStatus status,
            WaitReason waitReason, Set<VisitType> visitTypes, int mileageInKm, Integer fuelPercent, String walkAround,
            String advisor, Instant promisedAt, Instant deliveredAt, BigDecimal vatRate, List<Job> jobs, Totals totals,
            int reworkCount, boolean finalQcPassed, Long comebackOfId, String comebackOfNumber,
            ComebackDecision comebackDecision, Instant openedAt, String openedBy, Instant updatedAt, String updatedBy,
            long version) {
        this(id, number, vehicleId, plate, customerId, status, waitReason, visitTypes, mileageInKm, fuelPercent,
                walkAround,
                advisor, promisedAt, deliveredAt, vatRate, jobs, totals, reworkCount, finalQcPassed, comebackOfId,
                comebackOfNumber, comebackDecision, openedAt, openedBy, updatedAt, updatedBy, version, null, false);
    }

    /** The job with this id. */
    public Job job(long jobId) {
        return jobs.stream().filter(j -> j.id() == jobId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job " + jobId + " in " + number));
    }
}
