package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Work orders (维修工单) from reception to delivery. Every method either does all it says or changes nothing and
 * throws a {@link DmsException} naming the field and the reason. Every method that changes a work order takes the
 * version the user read: if it changed since, nothing is written and a CONFLICT {@code stale_version} tells the user
 * to re-read.
 */
@ProviderType
public interface WorkOrderService {

    /** Roles that open work orders, add jobs and lines, record approvals and move the status. */
    List<String> EDITORS = List.of("admin", "manager", "advisor");
    /**
     * Roles that move a work order through the workshop (IN_REPAIR, WAITING, AWAITING_QC): the editors and the foreman.
     * Completion, delivery and cancellation stay with the editors.
     */
    List<String> WORKSHOP_MOVERS = List.of("admin", "manager", "advisor", "foreman");
    /** Roles that clock technicians on and off; a technician may only clock himself or herself. */
    List<String> CLOCKERS = List.of("admin", "manager", "technician");
    /** Roles that record a SELF check. */
    List<String> SELF_QC = List.of("admin", "manager", "technician");
    /** Roles that record a FOREMAN check (班组检): the foreman, or the service manager standing in. */
    List<String> FOREMAN_QC = List.of("admin", "manager", "foreman");
    /** Roles that record a FINAL check (终检): the QC inspector, or the service manager standing in. */
    List<String> FINAL_QC = List.of("admin", "manager", "inspector");
    /** Roles that dispatch jobs and keep the technician skill table: the foreman (车间主管/调度) or the service manager. */
    List<String> DISPATCHERS = List.of("admin", "manager", "foreman");
    /** Roles that keep the labour catalogue. */
    List<String> CATALOGUE_KEEPERS = List.of("admin", "manager");

    /** Default VAT rate for general taxpayers (configurable). */
    String DEFAULT_VAT_RATE = "0.13";
    /** Default comeback window: a delivery this many days ago or less… */
    int DEFAULT_COMEBACK_DAYS = 30;
    /** …or this many km ago or less proposes a comeback link. */
    int DEFAULT_COMEBACK_KM = 3000;

    /**
     * Opens a work order at reception, by plate. An unknown plate registers the vehicle in the vehicle archive first
     * (with the draft's VIN and owner); the mileage is recorded as an odometer reading of the vehicle; each concern
     * becomes a job. If the same vehicle had a work order DELIVERED within the comeback window (days or km), the result
     * carries it as a PROPOSED comeback link.
     * <p>
     * With an {@code appointmentId} the appointment is converted: it must be BOOKED (CONFLICT
     * {@code appointment.not_booked}) for this plate ({@code appointment.other_vehicle}); its plate, concerns, advisor
     * and customer fill what the draft leaves out, and it is marked ARRIVED with the new work order. Should another
     * desk have converted it in the meantime, the new work order is cancelled (with that reason in its history) and
     * the call refused with CONFLICT {@code stale_version}.
     *
     * @throws DmsException INVALID_INPUT naming every wrong field; CONFLICT {@code odometer.lower} for a mileage lower
     *                      than the last reading unless confirmed; FORBIDDEN for a role not in {@link #EDITORS}
     */
    WorkOrder open(ReceptionDraft draft, Actor actor);

    /** @throws DmsException NOT_FOUND */
    WorkOrder get(long id);

    /**
     * What the advisor raises at reception: the vehicle's recent visits, maintenance, insurance and inspection due, and a
     * possible comeback, as of the work order's opening.
     *
     * @throws DmsException NOT_FOUND
     */
    ReceptionBrief receptionBrief(long id);

    /**
     * Moves the status (see {@link WorkOrderStatus} for the allowed moves) and records the move in the history.
     * DELIVERED stores the delivery time. COMPLETED needs every configured QC level (default SELF, FOREMAN and
     * FINAL; configuration {@code qcLevels}) passed since the work order was last back IN_REPAIR, else CONFLICT
     * {@code qc.final_missing} or {@code qc.level_missing}; AWAITING_QC needs no running clock.
     *
     * @param waitReason required for WAITING, refused otherwise
     * @param note       optional, at most 500 characters; kept in the history
     * @throws DmsException CONFLICT field {@code status} code {@code illegal_transition} for a move not allowed
     */
    WorkOrder changeStatus(long id, long expectedVersion, WorkOrderStatus target, WaitReason waitReason, String note,
            Actor actor);

    /** Every status move, oldest first, the opening included. */
    List<StatusChange> history(long id);

    /**
     * Every step of the visit with who and when, oldest first: the opening, status moves, the customer's approvals
     * and refusals, dispatch, each technician's clock on and off, QC checks and the comeback decision. An approval or
     * dispatch that was replaced shows as it stands now.
     *
     * @throws DmsException NOT_FOUND
     */
    List<TimelineEntry> timeline(long id);

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
     *                      CONFLICT {@code status.closed} once the work order is completed, delivered or cancelled;
     *                      NOT_FOUND {@code lineId} for a line not of that job
     */
    WorkOrder removeLine(long id, long jobId, long lineId, long expectedVersion, Actor actor);

    /**
     * The customer declines a job (客户拒绝), e.g. work the technician recommended: it stays on the work order with the
     * reason, for follow-up, but leaves the totals, loses its approval and its dispatch, and no longer changes
     * (CONFLICT {@code job.declined} for any later change of it).
     *
     * @param reason required, at most 200 characters
     * @throws DmsException CONFLICT {@code job.clocked} once a technician clocked on it
     */
    WorkOrder declineJob(long id, long jobId, long expectedVersion, String reason, Actor actor);

    /** Records the customer's approval of a job. */
    WorkOrder approve(long id, long jobId, long expectedVersion, ApprovalDraft draft, Actor actor);

    /**
     * Starts a technician's clock on a labour line of an approved job while the work order is IN_REPAIR.
     *
     * @throws DmsException CONFLICT {@code job.unapproved} or {@code clock.running} (the technician's clock already
     *                      runs, on any work order)
     */
    ClockEntry clockOn(long id, long jobId, long labourLineId, String technician, Actor actor);

    /**
     * Stops the technician's running clock on this work order.
     *
     * @param pauseReason null when the work is done; otherwise why it stopped, at most 200 characters
     */
    ClockEntry clockOff(long id, String technician, String pauseReason, Actor actor);

    /** Every clock of the work order, oldest first. */
    List<ClockEntry> clocks(long id);

    /**
     * Records a quality check of a work order AWAITING_QC. A failure sends it back to IN_REPAIR as rework (counted in
     * {@link WorkOrder#reworkCount()}); a pass of every configured level allows COMPLETED.
     *
     * @param note required when failed, at most 500 characters
     */
    WorkOrder qc(long id, long expectedVersion, QcLevel level, boolean passed, String note, Actor actor);

    /** Every quality check, oldest first. */
    List<QcRecord> qcRecords(long id);

    /** The advisor confirms the proposed comeback link. */
    WorkOrder confirmComeback(long id, long expectedVersion, Actor actor);

    /** The advisor rejects the proposed comeback link; the earlier work order stays named for the record. */
    WorkOrder rejectComeback(long id, long expectedVersion, Actor actor);

    /**
     * Adds an operation to the labour catalogue ({@code expectedVersion} null) or changes one (the version read;
     * CONFLICT {@code stale_version} if it changed since). An operation is never removed, only retired
     * ({@code active} false), so that old lines keep their meaning.
     *
     * @throws DmsException FORBIDDEN for a role not in {@link #CATALOGUE_KEEPERS}; CONFLICT {@code labour.exists} when
     *                      adding a code already there; NOT_FOUND when changing one that is not
     */
    LabourOperation saveLabourOperation(LabourOperationDraft draft, Long expectedVersion, Actor actor);

    /** @throws DmsException NOT_FOUND */
    LabourOperation labourOperation(String code);

    /**
     * The catalogue by code.
     *
     * @param text       optional: a code prefix or part of the name
     * @param activeOnly leave out retired operations
     */
    Page<LabourOperation> labourOperations(String text, boolean activeOnly, PageRequest page);

    /** Newest first. */
    Page<WorkOrder> search(WorkOrderQuery query, PageRequest page);

    /**
     * Sets a technician's level in a skill (the skill table used by {@link #suggestTechnicians}); level 0 removes it.
     *
     * @param level 0 to 5
     * @throws DmsException FORBIDDEN for a role not in {@link #DISPATCHERS}
     */
    List<TechnicianSkill> setSkill(String technician, Skill skill, int level, Actor actor);

    /** The whole skill table, by technician then skill. */
    List<TechnicianSkill> skills();

    /**
     * Dispatches a job (派工): the technicians who work it and the bay, replacing any earlier assignment of that job.
     * An unapproved job may be dispatched; nobody can clock on it until it is approved.
     *
     * @param technicians one to ten usernames, no duplicates
     * @param bay         optional, at most 20 characters
     * @throws DmsException FORBIDDEN for a role not in {@link #DISPATCHERS}; CONFLICT {@code status.closed} once the
     *                      work order is completed, delivered or cancelled
     */
    WorkOrder assign(long id, long jobId, long expectedVersion, List<String> technicians, String bay, Actor actor);

    /** The current assignment of each dispatched job of the work order, by job. */
    List<Assignment> assignments(long id);

    /**
     * Technicians who have the skill, ranked for the job: higher level first, then lower current load (open sold hours),
     * then username. Each carries the reason in Chinese and English.
     *
     * @param skill null takes the skill the job's labour operations name in the catalogue (the one with the most sold
     *              hours); refused as required when they name none
     */
    List<TechnicianSuggestion> suggestTechnicians(long id, long jobId, Skill skill);
}
