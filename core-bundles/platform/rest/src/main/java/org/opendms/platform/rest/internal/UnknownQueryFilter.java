package org.opendms.platform.rest.internal;

import java.lang.reflect.Method;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.opendms.platform.api.DmsException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * After matching: a query parameter the matched operation does not read is refused (400, problem+json naming it,
 * code {@value QueryParameters#CODE}) instead of being ignored, on every operation under /api; a value with control
 * characters is refused too ({@link StrictText#refuseOddQueryText}). A plugin's operations
 * are reached through {@link PluginResources}' locator, which checks them itself once it knows the plugin's resource.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(UnknownQueryFilter.NAME)
public class UnknownQueryFilter implements ContainerRequestFilter {

    static final String NAME = "dms.query";

    @Context
    ResourceInfo matched;

    @Override
    public void filter(ContainerRequestContext request) {
        // JAX-RS drops matrix parameters (customers/1;x=1 is customers/1): no operation here reads them, so refuse them
        if (request.getUriInfo().getRequestUri().getRawPath().contains(";")) {
            throw DmsException.invalid("path", "path.matrix", "路径中不能含有分号（;）参数",
                    "the path must not carry parameters after a semicolon (;)");
        }
        StrictText.refuseOddQueryText(request.getUriInfo().getQueryParameters());
        Method method = matched.getResourceMethod();
        if (method != null && QueryParameters.isResourceMethod(method)) {
            QueryParameters.refuseUnknown(request.getUriInfo().getQueryParameters().keySet(), method,
                    matched.getResourceClass());
        }
    }
}
