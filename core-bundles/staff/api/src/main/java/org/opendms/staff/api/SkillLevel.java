package org.opendms.staff.api;

/**
 * One trade a staff member works in and how well, 1 (learner) to 5 (master). The code is a string (e.g. 机修 or
 * MECHANICAL) until the shop's skill catalogue is configurable.
 */
public record SkillLevel(String code, int level) {
    public static final int MIN = 1;
    public static final int MAX = 5;
}
