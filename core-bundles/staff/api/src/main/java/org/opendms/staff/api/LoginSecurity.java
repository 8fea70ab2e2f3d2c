package org.opendms.staff.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The login protection as the admin sees it: which logins and addresses are locked or slowed down after failed
 * logins, the security log of failures, locks and unlocks, and unlocking. For admins ({@code staff.login.read},
 * {@code staff.login.unlock}).
 */
@ProviderType
public interface LoginSecurity {

    /** Logins and addresses locked or slowed down now, the longest first. */
    List<LoginLock> locks(Actor actor);

    /**
     * The security log, newest first.
     *
     * @param login only this login's events; null for all
     * @param limit 1 to 1000
     */
    List<LoginEvent> events(String login, int limit, Actor actor);

    /**
     * Lifts the lock (and the slow-down) of a login or of an address, and records who did it.
     *
     * @param login   the login to unlock, or null
     * @param address the address to unlock, or null (one of the two is required)
     *
     * @return what was unlocked; not found when neither was locked or slowed down
     */
    LoginLock unlock(String login, String address, Actor actor);
}
