package org.opendms.platform.api.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a login's account changed (its password, roles, details, or it was disabled or enabled), after the change
 * is stored. Whoever keeps something verified for a login registers one as a service: the REST login forgets the
 * credentials it verified and ends the login's browser sessions, so a disabled account or a new password counts from
 * the very next request. The staff accounts call every registered one.
 */
@ConsumerType
public interface AccountChanges {

    /** Must be quick and must not throw: it runs on the thread of the admin's change. */
    void changed(String login);
}
