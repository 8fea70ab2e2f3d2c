package org.opendms.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Security headers on every answer under /api, refusals and errors included: the browser must not guess another
 * type than the one sent ({@code nosniff}), must not show an answer inside another site's frame ({@code DENY} and CSP
 * {@code frame-ancestors 'none'}; the CSP also forbids an answer to load or run anything), must not send our URLs
 * (with ids and searched names) to other sites as the referrer, and must not keep personal data in any cache
 * ({@code no-store}). An operation whose answer may be cached sets its own {@code Cache-Control}, which is kept.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName(SecurityHeadersFilter.NAME)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    static final String NAME = "dms.headers";
    static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
