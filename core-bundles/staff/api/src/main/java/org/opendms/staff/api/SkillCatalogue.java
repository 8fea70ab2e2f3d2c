package org.opendms.staff.api;

import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shop's skill catalogue (工种): the trades staff accounts, the labour catalogue and the technician skill table
 * name, each with a stable code and one level scale. Seeded with 机修, 电工/诊断, 钣金, 喷漆, 制动/底盘, 高压电工, 空调
 * and 轮胎/定位; admins and managers add, rename and retire skills. A skill is never removed, so old records keep
 * their meaning.
 */
@ProviderType
public interface SkillCatalogue {

    /** The level scale of every skill, 1 to 5. */
    List<SkillGrade> LEVELS = List.of(new SkillGrade(1, "学徒", "apprentice"), new SkillGrade(2, "初级工", "junior"),
            new SkillGrade(3, "中级工", "skilled"), new SkillGrade(4, "高级工", "senior"),
            new SkillGrade(5, "技师长", "master"));

    /**
     * Adds a skill ({@code expectedVersion} null) or changes one: renames it, retires it ({@code active} false) or
     * brings it back.
     *
     * @throws DmsException FORBIDDEN for a role that may not keep the catalogue; INVALID_INPUT naming the field;
     *                      CONFLICT {@code skill.exists} when adding a code already there, {@code skill.name_taken}
     *                      for a name another skill has, {@code stale_version}; NOT_FOUND when changing one that is
     *                      not there
     */
    SkillDefinition save(SkillDraft draft, Long expectedVersion, Actor actor);

    /** @throws DmsException NOT_FOUND naming {@code code} */
    SkillDefinition get(String code);

    /** The catalogue by code; retired skills only when asked. */
    List<SkillDefinition> list(boolean withRetired);

    /** The skill a code (in any case) or its Chinese or English name stands for, retired ones included. */
    Optional<SkillDefinition> find(String codeOrName);

    /**
     * Checks a skill named in a request.
     *
     * @param field        the request's field, named in the refusal
     * @param allowRetired true where the record already holds the skill (a retired skill stays on old records)
     *
     * @return its code; null after adding {@code skill.unknown} (or {@code skill.retired}) naming the field to
     *         problems
     */
    String check(String field, String codeOrName, boolean allowRetired, Violations problems);

    /** The level's name, e.g. 4 → 高级工; null outside 1 to 5. */
    static SkillGrade grade(int level) {
        return LEVELS.stream().filter(g -> g.level() == level).findFirst().orElse(null);
    }
}
