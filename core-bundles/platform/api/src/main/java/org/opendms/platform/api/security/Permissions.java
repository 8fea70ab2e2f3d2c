package org.opendms.platform.api.security;

import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The permission table as a service: core's permissions and those of the running plugins. Services check the
 * acting user with {@link #require}; REST resources name the permission of each method with
 * {@code org.opendms.platform.rest.api.Permission}, so a refusal comes before the request body is read.
 */
@ProviderType
public interface Permissions {

    /**
     * Refuses unless the actor has one of the permission's roles.
     *
     * @throws DmsException FORBIDDEN naming what is refused, the permission and the roles that have it; also when no
     *                      such permission is known (a plugin's permissions come and go with it)
     */
    void require(Actor actor, String permission);

    /** True when the actor has one of the permission's roles; false for an unknown permission. */
    boolean allows(Actor actor, String permission);

    Optional<Permission> find(String name);

    /** Every known permission: core's first, then each plugin's, each group in the order it was declared. */
    List<Permission> all();
}
