package org.opendms.staff.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff accounts (员工账号): admins add, change, disable and re-enable them and set passwords; every change is
 * recorded. Writes are for admins; reading is for admins, managers and foremen (the policy lives in the
 * implementation). Every method either does all it says or changes nothing and throws a {@link DmsException} naming the
 * field and the reason.
 */
@ProviderType
public interface StaffService {

    StaffAccount add(NewStaff staff, Actor actor);

    /** @param expectedVersion the version the admin read; a stale one changes nothing (CONFLICT) */
    StaffAccount change(String login, long expectedVersion, StaffDraft draft, Actor actor);

    /** The account can no longer log in (REST or console); its history stays. */
    StaffAccount disable(String login, long expectedVersion, Actor actor);

    StaffAccount enable(String login, long expectedVersion, Actor actor);

    /** Sets a new password: an admin for anyone, a staff member for their own account. */
    StaffAccount setPassword(String login, String password, Actor actor);

    /** @throws DmsException NOT_FOUND when there is no such account */
    StaffAccount get(String login, Actor actor);

    /** Accounts by login; disabled ones only when asked. */
    List<StaffAccount> list(boolean withDisabled, Actor actor);

    /** The recorded changes to an account, newest first. */
    List<StaffChange> changes(String login, Actor actor);
}
