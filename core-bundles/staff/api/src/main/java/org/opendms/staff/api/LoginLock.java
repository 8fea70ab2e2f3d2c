package org.opendms.staff.api;

import java.time.Instant;

/**
 * A login or an address held back after failed logins.
 *
 * @param login    the login, or null when it is an address
 * @param address  the address, or null when it is a login
 * @param locked   true: locked until {@code until}; false: slowed down (the next attempt is taken at {@code until})
 * @param until    when attempts are taken again
 * @param failures failed logins counted
 * @param refused  attempts refused unchecked while held back
 */
public record LoginLock(String login, String address, boolean locked, Instant until, int failures, int refused) {
}
