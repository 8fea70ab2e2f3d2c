package org.opendms.platform.rest.internal;

import java.lang.reflect.Method;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.MultivaluedMap;

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

    @Override
    public void filter(ContainerRequestContext request) {
        // JAX-RS drops matrix parameters (customers/1;x=1 is customers/1): no operation here reads them, so refuse them
        if (rawPath(request).indexOf(';') >= 0) {
            throw DmsException.invalid("path", "path.matrix", "路径中不能含有分号（;）参数",
                    "the path must not carry parameters after a semicolon (;)");
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        StrictText.refuseOddQueryText(query);
        ResourceInfo matched = CurrentRequest.matched();
        Method method = matched == null ? null : matched.getResourceMethod();
        if (method != null && QueryParameters.isResourceMethod(method)) {
            QueryParameters.refuseUnknown(query.keySet(), method, matched.getResourceClass());
        }
    }

    /** The path as sent, still encoded: the servlet request's (CXF's request URI is a URI parsed anew each time). */
    private static String rawPath(ContainerRequestContext request) {
        HttpServletRequest servlet = CurrentRequest.servletRequest();
        String path = servlet == null ? null : servlet.getRequestURI();
        return path != null ? path : request.getUriInfo().getRequestUri().getRawPath();
    }
}
