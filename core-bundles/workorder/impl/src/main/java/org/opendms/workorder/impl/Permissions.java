package org.opendms.workorder.impl;

import java.util.List;

/**
 * Who may do what with work orders. Kept on the implementation side so that a change of the role policy is no API
 * change; a permission table replaces these lists later.
 */
final class Permissions {

    /** Open work orders, add jobs and lines, record approvals and refusals, decide comebacks, move the status. */
    static final List<String> EDITORS = List.of("admin", "manager", "advisor");
    /**
     * Move a work order through the workshop (IN_REPAIR, WAITING, AWAITING_QC): the editors and the foreman.
     * Completion, delivery and cancellation stay with the editors.
     */
    static final List<String> WORKSHOP_MOVERS = List.of("admin", "manager", "advisor", "foreman");
    /**
     * Clock technicians on and off; a technician may only clock himself or herself, the foreman anyone (and so assigns
     * a job on the spot).
     */
    static final List<String> CLOCKERS = List.of("admin", "manager", "foreman", "technician");
    /** Record a SELF check. */
    static final List<String> SELF_QC = List.of("admin", "manager", "technician");
    /** Record a FOREMAN check (班组检): the foreman, or the service manager standing in. */
    static final List<String> FOREMAN_QC = List.of("admin", "manager", "foreman");
    /** Record a FINAL check (终检): the QC inspector, or the service manager standing in. */
    static final List<String> FINAL_QC = List.of("admin", "manager", "inspector");
    /** Dispatch jobs and keep the technician skill table: the foreman (车间主管/调度) or the service manager. */
    static final List<String> DISPATCHERS = List.of("admin", "manager", "foreman");
    /** Record a job's cause and correction: the technician who found and fixed it, the foreman, the advisor. */
    static final List<String> FINDINGS_RECORDERS = List.of("admin", "manager", "advisor", "foreman", "technician");
    /** Keep the labour catalogue. */
    static final List<String> CATALOGUE_KEEPERS = List.of("admin", "manager");
    /** Add walk-around photos: those who edit work orders, and the technicians who find damage in the workshop. */
    static final List<String> PHOTOGRAPHERS = List.of("admin", "manager", "advisor", "technician");

    private Permissions() {
    }
}
