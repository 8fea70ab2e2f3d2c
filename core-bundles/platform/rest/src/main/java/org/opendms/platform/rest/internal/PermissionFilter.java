package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Response;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses a logged-in user whose roles lack the permission the operation names (403 problem+json), after login and
 * matching but before the body is read, so a refused upload is never received. The services check the same table
 * again, for the console and for rules that depend on the request (which QC level, which status).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(PermissionFilter.NAME)
public class PermissionFilter implements ContainerRequestFilter {

    static final String NAME = "dms.permissions";

    @Reference
    Permissions permissions;

    @Reference
    OperationCatalogue operations;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<RestOperation> operation = operations.match(request.getMethod(), request.getUriInfo().getPath());
        if (operation.isEmpty() || operation.get().permissions().isEmpty()
                || request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) {
            return; // JAX-RS answers 404/405; a public document; or the login filter has already answered
        }
        Actor actor = RestActor.from(request.getSecurityContext());
        List<String> needed = operation.get().permissions();
        if (needed.stream().anyMatch(p -> permissions.allows(actor, p))) {
            return;
        }
        List<Violation> refusals = new ArrayList<>();
        for (String permission : needed) {
            try {
                permissions.require(actor, permission);
            } catch (DmsException refused) {
                refusals.addAll(refused.violations());
            }
        }
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(403, refusals, Problems.locale(request.getAcceptableLanguages()))).build());
    }
}
