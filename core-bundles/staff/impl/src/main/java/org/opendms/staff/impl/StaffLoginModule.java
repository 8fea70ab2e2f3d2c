package org.opendms.staff.impl;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opendms.platform.api.Roles;

/** Logs a staff member in: user and role principals for an active account with the right password. */
public class StaffLoginModule implements LoginModule {

    private Subject subject;
    private CallbackHandler callbacks;
    private StaffLogins logins;
    private List<String> consoleRoles = List.of();
    private String requiredRole;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.logins = (StaffLogins) options.get(StaffRealm.LOGINS);
        this.requiredRole = (String) options.get(StaffRealm.REQUIRED_ROLE);
        Object roles = options.get(StaffRealm.CONSOLE_ROLES);
        if (roles instanceof List<?> list) {
            this.consoleRoles = (List<String>) list;
        }
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("login: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbacks.handle(new Callback[] { name, password });
        } catch (Exception e) {
            throw new LoginException("cannot read the login: " + e);
        }
        String user = name.getName();
        char[] secret = password.getPassword();
        password.clearPassword();
        Optional<Set<String>> roles = logins.verify(user, secret == null ? null : new String(secret));
        if (roles.isEmpty()) {
            throw new FailedLoginException("login refused for " + user);
        }
        if (requiredRole != null && !roles.get().contains(requiredRole)) {
            throw new FailedLoginException(user + " lacks the role " + requiredRole + " this realm requires");
        }
        principals.clear();
        principals.add(new UserPrincipal(user));
        roles.get().forEach(r -> principals.add(new RolePrincipal(r)));
        if (roles.get().contains(Roles.ADMIN)) {
            consoleRoles.forEach(r -> principals.add(new RolePrincipal(r)));
        }
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
