package org.opendms.platform.console.api;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;

/** The user logged into the Karaf console (local or SSH), as the {@link Actor} services take. */
public final class ConsoleActor {

    private ConsoleActor() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 carries the session's Subject on the access-control context
    public static Actor current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new IllegalStateException("no logged-in console user");
        }
        String user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElseThrow(() -> new IllegalStateException("console session has no user"));
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toSet());
        return new Actor(user, roles, Channel.CONSOLE);
    }
}
