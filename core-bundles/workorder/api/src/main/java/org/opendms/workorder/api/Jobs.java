package org.opendms.workorder.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The jobs (维修项目) of a work order, their lines, and the customer's approval or refusal of each. Every change takes
 * the version of the work order the user read (CONFLICT {@code stale_version} if it changed since) and is refused with
 * CONFLICT {@code status.closed} once the work order is completed, delivered or cancelled.
 */
@ProviderType
public interface Jobs {

    /** Adds a job; added after AWAITING_DISPATCH it is an add-on and starts unapproved. */
    WorkOrder addJob(long id, long expectedVersion, JobDraft draft, Actor actor);

    /**
     * Adds a line to a job. A labour line's operation code must be an active operation of the labour catalogue
     * (INVALID_INPUT field {@code code} code {@code labour.unknown_operation} otherwise); the operation gives the
     * description and the sold hours (its flat-rate hours) when the line leaves them out, and the job's pay type gives
     * the rate.
     */
    WorkOrder addLine(long id, long jobId, long expectedVersion, LineDraft draft, Actor actor);

    /**
     * Removes a line entered wrongly or not wanted. A line of an approved job changes what the customer pays: the job
     * needs the approval again.
     *
     * @throws DmsException CONFLICT {@code line.clocked} once a technician clocked on it (its hours are kept);
     *                      NOT_FOUND {@code lineId} for a line not of that job
     */
    WorkOrder removeLine(long id, long jobId, long lineId, long expectedVersion, Actor actor);

    /**
     * The customer declines a job (客户拒绝), e.g. work the technician recommended: it stays on the work order with the
     * reason, for follow-up, but leaves the totals, loses its approval and its dispatch, and no longer changes
     * (CONFLICT {@code job.declined} for any later change of it).
     *
     * @param reason required, at most 200 characters
     *
     * @throws DmsException CONFLICT {@code job.clocked} once a technician clocked on it
     */
    WorkOrder declineJob(long id, long jobId, long expectedVersion, String reason, Actor actor);

    /**
     * Records the cause the technician found and the correction done on a job (the three Cs of the repair record with
     * the customer's concern), replacing what was recorded before; by the technician, the foreman, the advisor or the
     * manager.
     *
     * @param cause      at most 1000 characters; null or blank clears it
     * @param correction at most 1000 characters; null or blank clears it
     *
     * @throws DmsException CONFLICT {@code status.closed} once the work order is completed, delivered or cancelled
     */
    WorkOrder recordFindings(long id, long jobId, long expectedVersion, String cause, String correction, Actor actor);

    /** Records the customer's approval of a job. */
    WorkOrder approve(long id, long jobId, long expectedVersion, ApprovalDraft draft, Actor actor);
}
