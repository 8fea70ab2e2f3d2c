package org.opendms.staff.api;

/**
 * One trade a staff member works in and how well, 1 (学徒 apprentice) to 5 (技师长 master). The code is one of the
 * {@link SkillCatalogue}'s (e.g. MECHANICAL); a request may also name the skill by its Chinese or English name.
 */
public record SkillLevel(String code, int level) {
    public static final int MIN = 1;
    public static final int MAX = 5;
}
