package org.opendms.workorder.api;

import java.time.Instant;

/**
 * A job the customer declined (客户拒绝), kept for the desk to raise again (待跟进): at the car's next reception, or by
 * calling the customer.
 *
 * @param jobId       the declined job; the follow-up's id
 * @param workOrderId the work order it was declined on
 * @param declined    why, when and who recorded it
 * @param outcome     OPEN until taken up on a later work order or dismissed
 * @param closedAt    when it was taken up or dismissed; null while open
 * @param closedBy    who did; null while open
 * @param note        why it was dismissed; null otherwise
 * @param takenUpOnId the work order it was taken up on; null otherwise
 */
public record FollowUp(long jobId, long workOrderId, String workOrderNumber, long vehicleId, String plate,
        long customerId,
        String concern, Decline declined, Outcome outcome, Instant closedAt, String closedBy, String note,
        Long takenUpOnId) {

    /** Where a follow-up stands. */
    public enum Outcome {
        OPEN, TAKEN_UP, DISMISSED
    }
}
