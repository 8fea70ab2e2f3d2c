package org.opendms.staff.api;

/**
 * A skill as an admin or manager enters it.
 *
 * @param code   required when adding: 2–20 upper-case letters, digits or '_', starting with a letter; never changed
 * @param name   required, the Chinese name, at most 30 characters, unique in the catalogue
 * @param nameEn required, the English name, at most 50 characters
 * @param active absent means true; false retires the skill
 */
public record SkillDraft(String code, String name, String nameEn, Boolean active) {
}
