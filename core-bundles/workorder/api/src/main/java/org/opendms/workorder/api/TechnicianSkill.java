package org.opendms.workorder.api;

/**
 * One row of the technician skill table.
 *
 * @param technician the technician's username
 * @param level      1 (learner) to 5 (master)
 */
public record TechnicianSkill(String technician, Skill skill, int level) {
}
