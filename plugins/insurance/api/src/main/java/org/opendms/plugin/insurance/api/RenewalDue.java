package org.opendms.plugin.insurance.api;

import java.time.LocalDate;

/**
 * One line of the renewal list (续保名单): a vehicle whose insurance ends soon or ended lately, for the desk to call
 * its owner.
 *
 * @param kind         the kind of the policy; null for a lead from the vehicle file, which does not say
 * @param insurer      null for a lead from the vehicle file
 * @param policyNumber null for a lead from the vehicle file
 * @param endDate      the policy's last day, or the insurance due date in the vehicle file
 * @param daysLeft     days from today to the end date; negative once it has passed
 */
public record RenewalDue(long vehicleId, String plate, long ownerId, PolicyKind kind, String insurer,
        String policyNumber, LocalDate endDate, long daysLeft, Source source) {

    /** Where the line comes from. */
    public enum Source {
        /** A policy on file that has not been renewed. */
        POLICY,
        /** The insurance due date in the core vehicle file, for a vehicle with no policy on file covering it. */
        VEHICLE_FILE
    }
}
