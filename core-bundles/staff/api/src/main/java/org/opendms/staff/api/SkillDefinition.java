package org.opendms.staff.api;

import java.time.Instant;

/**
 * A skill of the shop's catalogue (工种), e.g. 机修 MECHANICAL or 高压电工 HIGH_VOLTAGE.
 *
 * @param code      stable, upper case, e.g. BRAKES_CHASSIS; what staff accounts, the labour catalogue and the skill
 *                  table
 *                  store
 * @param name      the Chinese name shown to staff, e.g. 制动/底盘
 * @param nameEn    the English name
 * @param active    a retired skill (false) stays readable on old records but is never newly assigned
 * @param updatedAt null on a default the catalogue was seeded with, until someone changes it
 * @param version   send it back (If-Match) to change the skill
 */
public record SkillDefinition(String code, String name, String nameEn, boolean active, Instant updatedAt,
        String updatedBy, long version) {
}
