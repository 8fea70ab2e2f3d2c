package org.opendms.staff.api;

import java.time.Instant;

/**
 * One recorded change to an account: who did what, when, through which channel.
 *
 * @param what   ADDED, CHANGED, DISABLED, ENABLED, PASSWORD, IMPORTED or PASSWORD_REHASHED
 * @param detail what changed, e.g. {@code roles: [technician] → [technician, foreman]}; never a password
 */
public record StaffChange(String login, String what, String detail, String by, String channel, Instant at) {
}
