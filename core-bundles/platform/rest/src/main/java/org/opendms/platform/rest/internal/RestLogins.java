package org.opendms.platform.rest.internal;

import org.opendms.platform.api.security.AccountChanges;
import org.opendms.platform.rest.api.CsrfTokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the REST login remembers between requests: browser sessions ({@link SessionStore}) and recently verified
 * HTTP Basic credentials ({@link VerifiedCredentials}). Both forget a login as soon as the staff accounts say its
 * account changed, so a disabled account, a new password or other roles count from the next request on. As
 * {@link CsrfTokens} it lets the write guard accept a session's token on an upload.
 */
@Component(service = { RestLogins.class, AccountChanges.class, CsrfTokens.class }, configurationPid = {
        SecurityConfig.PID, SessionConfig.PID })
public class RestLogins implements AccountChanges, CsrfTokens {

    /** A shop has tens of staff; scripts log in as a few of them. The bound only stops a flood of made-up users. */
    private static final int MAX_CREDENTIALS = 10_000;

    final SessionStore sessions = new SessionStore(System::nanoTime, 1800, 43200);
    final VerifiedCredentials credentials = new VerifiedCredentials(System::nanoTime, 60, MAX_CREDENTIALS);

    private volatile String realm = "karaf";

    @Activate
    @Modified
    void configure(SecurityConfig security, SessionConfig session) {
        realm = security.realm();
        sessions.limits(session.idleTimeoutSeconds(), session.lifetimeSeconds());
        credentials.ttl(security.credentialCacheSeconds()); // also forgets: the realm may be another one now
    }

    /** The JAAS realm that checks passwords (etc/org.opendms.rest.security.cfg). */
    String realm() {
        return realm;
    }

    @Override
    public void changed(String login) {
        if (login != null) {
            credentials.forget(login);
            sessions.endAllOf(login);
        }
    }

    @Override
    public boolean valid(String token, String user) {
        return user != null && sessions.of(user).stream().anyMatch(s -> s.tokenMatches(token));
    }
}
