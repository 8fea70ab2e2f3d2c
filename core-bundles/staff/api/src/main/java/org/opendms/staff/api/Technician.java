package org.opendms.staff.api;

import java.util.List;

/** An active staff member in the technician role, as dispatch and the skill table know them. */
public record Technician(String login, String name, String team, List<SkillLevel> skills) {

    /** The level in a trade, 0 when the technician does not work in it. */
    public int level(String skillCode) {
        return skills.stream().filter(s -> s.code().equals(skillCode)).mapToInt(SkillLevel::level).findFirst()
                .orElse(0);
    }
}
