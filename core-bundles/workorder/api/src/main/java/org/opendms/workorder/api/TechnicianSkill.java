package org.opendms.workorder.api;

/**
 * One row of the technician skill table.
 *
 * @param technician the technician's username
 * @param skill      a code of the skill catalogue
 * @param level      1 (学徒 apprentice) to 5 (技师长 master)
 */
public record TechnicianSkill(String technician, String skill, int level) {
}
