package org.opendms.platform.rest.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.UriInfo;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.PluginResource;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves every plugin's {@link PluginResource}s at {@code /api/<plugin id>/<resource path>} through one JAX-RS
 * sub-resource locator. This resource itself never changes, so plugins coming, going and being updated never make
 * the whiteboard rebuild /api: core endpoints keep answering throughout. Core paths are literal and win over this
 * template.
 */
@Component(service = PluginResources.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("/")
@Hidden
public class PluginResources {

    private static final Logger LOG = LoggerFactory.getLogger(PluginResources.class);
    private static final String ID = "[a-z][a-z0-9-]{0,39}";
    private static final String SEGMENT = "[A-Za-z0-9._~-]+";

    private final Map<String, PluginResource> byPath = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(ServiceReference<PluginResource> ref, PluginResource resource) {
        String key = key(ref, resource);
        if (key != null) {
            PluginResource before = byPath.put(key, resource);
            if (before != null && before != resource) {
                LOG.warn("Two plugin resources claim /api/{}; the newer one answers", key);
            }
        }
    }

    void removeResource(ServiceReference<PluginResource> ref, PluginResource resource) {
        String key = key(ref, resource);
        if (key != null) {
            byPath.remove(key, resource);
        }
    }

    private static String key(ServiceReference<PluginResource> ref, PluginResource resource) {
        String plugin = ref.getBundle() == null ? null : ref.getBundle().getHeaders("").get("DMS-Plugin");
        Path path = resource.getClass().getAnnotation(Path.class);
        String segment = path == null ? null : path.value().replaceAll("^/+|/+$", "");
        if (plugin == null || !plugin.trim().matches(ID) || segment == null || !segment.matches(SEGMENT)) {
            LOG.error("{} is not served: a plugin resource needs the DMS-Plugin header on its bundle and a one-segment "
                    + "class-level @Path", resource.getClass().getName());
            return null;
        }
        return plugin.trim() + "/" + segment;
    }

    /** The plugin's resource for the rest of the path; 404 (as problem+json) when the plugin is not running. */
    @Path("{plugin: " + ID + "}/{resource: " + SEGMENT + "}")
    public Object plugin(@PathParam("plugin") String plugin, @PathParam("resource") String resource,
            @Context UriInfo uri, @Context Request request) {
        PluginResource target = byPath.get(plugin + "/" + resource);
        if (target == null) {
            throw new NotFoundException();
        }
        refuseUnknownQuery(target, plugin + "/" + resource, uri, request);
        return target;
    }

    /** What {@link UnknownQueryFilter} does for core operations: the filter sees only this locator. */
    private static void refuseUnknownQuery(PluginResource target, String prefix, UriInfo uri, Request request) {
        StrictText.refuseOddQueryText(uri.getQueryParameters());
        Set<String> sent = uri.getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        String path = uri.getPath().replaceAll("^/+", "");
        String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        List<Method> answering = QueryParameters.answering(target.getClass(), request.getMethod(), rest);
        if (answering.size() == 1) {
            QueryParameters.refuseUnknown(sent, answering.get(0), target.getClass());
        }
    }
}
