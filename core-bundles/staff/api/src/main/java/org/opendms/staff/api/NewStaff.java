package org.opendms.staff.api;

import java.util.List;

/** What an admin enters to add a staff member; the password is hashed and never stored or shown as is. */
public record NewStaff(String login, String name, String password, List<String> roles, List<SkillLevel> skills,
        String team) {
}
