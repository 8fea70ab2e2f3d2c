package org.opendms.workorder.api;

import java.time.LocalDate;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Declined jobs as follow-ups (待跟进): a job the customer declined stays open until it is taken up on a later work order
 * of the same car or dismissed with a reason. The car's next reception brief raises each open one
 * ({@code followup.declined}).
 */
@ProviderType
public interface FollowUps {

    /**
     * Open follow-ups, oldest decline first.
     *
     * @param plate the plate, whole or in part; null for every car
     * @param from  declined on or after this shop-local day; null for no bound
     * @param to    declined on or before this shop-local day; null for no bound
     */
    Page<FollowUp> open(String plate, LocalDate from, LocalDate to, PageRequest page);

    /** @throws DmsException NOT_FOUND {@code jobId} for a job that was not declined */
    FollowUp get(long jobId);

    /**
     * Takes the declined job up again: a job with its concern and pay type is added to the given work order of the
     * same car (an add-on once the car is in the workshop), and the follow-up is closed, in one transaction.
     *
     * @param expectedVersion the version of the work order the job is added to (CONFLICT {@code stale_version})
     *
     * @throws DmsException CONFLICT {@code followup.closed} when already taken up or dismissed; INVALID_INPUT
     *                      {@code workOrderId} {@code followup.other_vehicle} for another car's work order; CONFLICT
     *                      {@code status.closed} for a work order completed, delivered or cancelled
     */
    WorkOrder takeUp(long jobId, long workOrderId, long expectedVersion, Actor actor);

    /**
     * Closes the follow-up without work, e.g. the customer had it done elsewhere.
     *
     * @param reason required, at most 200 characters (INVALID_INPUT {@code reason})
     *
     * @throws DmsException CONFLICT {@code followup.closed} when already taken up or dismissed
     */
    FollowUp dismiss(long jobId, String reason, Actor actor);
}
