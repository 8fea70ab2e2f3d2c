package org.opendms.staff.impl;

import java.util.Optional;
import java.util.Set;

/** Checks a login for the JAAS realm (inside this bundle only). */
public interface StaffLogins {

    /** The shop roles of an active account whose password this is; empty for anything else. */
    Optional<Set<String>> verify(String login, String password);
}
