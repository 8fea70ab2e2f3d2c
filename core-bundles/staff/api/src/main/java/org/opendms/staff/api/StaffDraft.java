package org.opendms.staff.api;

import java.util.List;

/** The details an admin changes on an account (the login stays; the password has its own call). */
public record StaffDraft(String name, List<String> roles, List<SkillLevel> skills, String team) {
}
