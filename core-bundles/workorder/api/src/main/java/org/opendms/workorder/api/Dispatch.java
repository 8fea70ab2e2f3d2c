package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Dispatch (派工): the technician skill table, who works which job in which bay, and who would suit a job best. Kept by
 * the foreman (车间主管/调度) or the service manager.
 */
@ProviderType
public interface Dispatch {

    /**
     * Sets a technician's level in a skill (the skill table used by {@link #suggestTechnicians}); level 0 removes it.
     *
     * @param skill a known code (or name) of the skill catalogue; a retired one only to remove it
     * @param level 0 to 5
     *
     * @throws DmsException FORBIDDEN for a role that may not dispatch; INVALID_INPUT {@code skill.unknown} or
     *                      {@code skill.retired} naming {@code skill}
     */
    List<TechnicianSkill> setSkill(String technician, String skill, int level, Actor actor);

    /** The whole skill table, by technician then skill. */
    List<TechnicianSkill> skills();

    /**
     * Dispatches a job: the technicians who work it and the bay, replacing any earlier assignment of that job. An
     * Takes the work order's version
     * read (CONFLICT {@code stale_version}). Only an approved job with at least one line is dispatched.
     *
     * @param technicians one to ten usernames, no duplicates
     * @param bay         optional, at most 20 characters
     *
     * @throws DmsException FORBIDDEN for a role that may not dispatch; CONFLICT {@code status.closed} once the work
     *                      order is completed, delivered or cancelled; CONFLICT {@code job.unapproved} (field
     *                      {@code jobId}) for a job the customer has not approved, {@code job.empty} for one without
     *                      lines
     */
    default WorkOrder assign(long id, long jobId, long expectedVersion, List<String> technicians, String bay,
            Actor actor) {
        return assign(id, jobId, expectedVersion, technicians, bay, null, actor);
    }

    /**
     * Dispatches a job as {@link #assign(long, long, long, List, String, Actor)} does. A job whose labour operations
     * name a skill goes to technicians who have it (in the skill table or their staff account); otherwise CONFLICT
     * {@code technician.lacks_skill} naming {@code technicians[i]}, unless the dispatcher says why in
     * {@code skillOverride}, which the work order's timeline keeps.
     *
     * @param skillOverride why technicians without the job's skill work it; at most 150 characters
     */
    WorkOrder assign(long id, long jobId, long expectedVersion, List<String> technicians, String bay,
            String skillOverride, Actor actor);

    /** The current assignment of each dispatched job of the work order, by job. */
    List<Assignment> assignments(long id);

    /**
     * Technicians who have the skill, ranked for the job: higher level first, then lower current load (open sold
     * hours),
     * then username. Each carries the reason in Chinese and English.
     *
     * @param skill a code of the skill catalogue; null takes the skill the job's labour operations name in the
     *              catalogue (the one with the most sold
     *              hours); refused as required when they name none
     */
    List<TechnicianSuggestion> suggestTechnicians(long id, long jobId, String skill);
}
