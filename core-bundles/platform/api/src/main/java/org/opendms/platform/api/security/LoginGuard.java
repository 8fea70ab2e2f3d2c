package org.opendms.platform.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Slows down and then locks logins after repeated failures, per login and per remote address. Every login path asks
 * it <em>before</em> checking a password, so that a refused attempt costs no password hashing: a flood of wrong
 * passwords cannot turn the hash's cost against the server. The implementation records every failure and lock in the
 * security log.
 */
@ProviderType
public interface LoginGuard {

    /**
     * Whether a password for this login, from this address, may be checked now.
     *
     * @param login   the login as typed (any text: unknown logins are throttled alike, so a refusal tells nothing)
     * @param address the caller's address; null when the channel has none
     *
     * @return empty when the password may be checked; otherwise why not and until when
     */
    Optional<LoginRefusal> admit(String login, String address);

    /** A password that was checked and was wrong (or the account unknown or disabled). */
    void failed(String login, String address, String channel);

    /** A password that was checked and was right: the login's failures are forgotten. */
    void succeeded(String login, String address);
}
