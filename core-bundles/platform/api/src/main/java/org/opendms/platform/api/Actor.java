package org.opendms.platform.api;

import java.util.Arrays;
import java.util.List;
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

    /**
     * Refuses with FORBIDDEN unless there is an actor and it has one of the roles. Core and the plugins name a
     * permission of {@link org.opendms.platform.api.security.Permissions} instead, so that the role policy stays in one
     * table; this remains for plugins written before it.
     *
     * @param whatZh what is refused, e.g. "新建客户"
     * @param whatEn the same in English, e.g. "create customers"
     */
    public static void requireAnyRole(Actor actor, List<String> wanted, String whatZh, String whatEn) {
        if (actor == null || wanted.stream().noneMatch(actor.roles()::contains)) {
            throw DmsException.forbidden("您的角色不能" + whatZh + "（需要 " + String.join("/", wanted) + "）",
                    "your role may not " + whatEn + " (needs " + String.join("/", wanted) + ")");
        }
    }
}
