package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A technician proposed for a job, best first.
 *
 * @param level         the technician's level in the skill asked for, 1 to 5
 * @param openSoldHours sold hours of the labour lines of jobs assigned to the technician on work orders not yet
 *                      completed, delivered or cancelled: the current load
 * @param reasonZh      why, for the dispatcher, e.g. "机修 4 级；在修 3.50 工时"
 * @param reasonEn      the same in English
 */
public record TechnicianSuggestion(String technician, int level, BigDecimal openSoldHours, String reasonZh,
        String reasonEn) {
}
