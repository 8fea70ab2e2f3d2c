package org.opendms.platform.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The person (or the system) on whose behalf a service call runs. Services take it explicitly so that
 * role checks and access records are the same whether the call came over REST or the console.
 */
public record Actor(String username, Set<String> roles, Channel channel) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(channel, "channel");
    }

    /** The platform itself, e.g. a migration or a scheduled job. */
    public static Actor system() {
        return new Actor("system", Set.of(Roles.ADMIN), Channel.SYSTEM);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
