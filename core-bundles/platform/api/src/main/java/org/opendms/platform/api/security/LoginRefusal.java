package org.opendms.platform.api.security;

import java.time.Instant;

/**
 * Why a login attempt is refused before its password is checked.
 *
 * @param locked  true: locked after too many failures (the admin may unlock); false: slowed down, try again later
 * @param subject "login" when the login is throttled, "address" when the caller's address is
 * @param until   when the next attempt is taken again
 */
public record LoginRefusal(boolean locked, String subject, Instant until) {
}
