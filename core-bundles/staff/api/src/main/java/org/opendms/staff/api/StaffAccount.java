package org.opendms.staff.api;

import java.time.Instant;
import java.util.List;

/**
 * A staff account (员工账号) as admins see it; never the password or its hash.
 *
 * @param login   the login name, lower case, unique, never changed
 * @param roles   shop roles ({@link org.opendms.platform.api.Roles})
 * @param team    班组, or null
 * @param active  false once disabled: the account cannot log in and is no technician for dispatch
 * @param version the ETag a change must name in If-Match
 */
public record StaffAccount(String login, String name, List<String> roles, List<SkillLevel> skills, String team,
        boolean active, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
