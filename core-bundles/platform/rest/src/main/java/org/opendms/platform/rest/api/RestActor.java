package org.opendms.platform.rest.api;

import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.Roles;

/** Turns the logged-in user of a REST request into the {@link Actor} that services take. */
public final class RestActor {

    private RestActor() {
    }

    public static Actor from(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new IllegalStateException("no logged-in user: the resource is missing " + DmsRest.SECURITY);
        }
        Set<String> roles = Roles.ALL.stream().filter(security::isUserInRole).collect(Collectors.toSet());
        return new Actor(security.getUserPrincipal().getName(), roles, Channel.REST);
    }
}
