package org.opendms.staff.api;

import java.time.Instant;

/**
 * One entry of the security log.
 *
 * @param kind    FAILED (a wrong password, unknown or disabled login), LOCKED (a login or address locked after
 *                repeated failures) or UNLOCKED (by an admin, {@code by})
 * @param login   the login concerned (as typed, for a failure), or null for an address lock
 * @param address the caller's address, when known
 * @param channel REST, CONSOLE
 * @param by      the admin who unlocked; null otherwise
 * @param detail  e.g. the lock's end, or the number of failures
 */
public record LoginEvent(long id, Instant at, String kind, String login, String address, String channel, String by,
        String detail) {
}
