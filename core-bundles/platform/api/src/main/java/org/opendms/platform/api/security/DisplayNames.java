package org.opendms.platform.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The name a login is shown with (the staff member's name, 张师傅), for a user menu and the like. */
@ProviderType
public interface DisplayNames {

    /** Empty for an unknown login or a disabled account. */
    Optional<String> nameOf(String login);
}
