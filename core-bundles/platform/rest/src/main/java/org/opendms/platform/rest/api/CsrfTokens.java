package org.opendms.platform.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for the web app's session: a change under {@code /api} must carry JSON (a browser cannot send that across
 * sites without asking first), or a token this service accepts in the {@value #HEADER} header. Nothing registers one
 * yet: the platform logs in with HTTP Basic, and every client of it sends JSON. A web-app session that posts forms
 * registers one, and the write guard then also accepts its requests.
 */
@ConsumerType
public interface CsrfTokens {

    /** The request header that carries the token. */
    String HEADER = "X-CSRF-Token";

    /**
     * @param token the header's value
     * @param user  the logged-in user the request acts for (null when none)
     *
     * @return true when the token was issued to this user's session and is still valid
     */
    boolean valid(String token, String user);
}
