package org.opendms.staff.api;

/**
 * A level of the skill scale, 1 (学徒 apprentice) to 5 (技师长 master): the same scale for every skill.
 *
 * @param level  {@link SkillLevel#MIN} to {@link SkillLevel#MAX}
 * @param name   the Chinese name, e.g. 学徒
 * @param nameEn the English name, e.g. apprentice
 */
public record SkillGrade(int level, String name, String nameEn) {
}
