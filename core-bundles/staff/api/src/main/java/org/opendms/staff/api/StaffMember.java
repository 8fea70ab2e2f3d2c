package org.opendms.staff.api;

import java.util.Collection;
import java.util.List;

/** An active staff member as other domains check references to people: who it is and in which roles. */
public record StaffMember(String login, String name, List<String> roles, String team, List<SkillLevel> skills) {

    /** Whether the member has at least one of the roles. */
    public boolean hasAnyRole(Collection<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** The level in a skill, 0 when the member does not work in it. */
    public int level(String skillCode) {
        return skills.stream().filter(s -> s.code().equals(skillCode)).mapToInt(SkillLevel::level).findFirst()
                .orElse(0);
    }
}
