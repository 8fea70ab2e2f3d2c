package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opendms.platform.rest.api.PluginResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operation served under /api now, read from the annotations of the JAX-RS resources on the whiteboard and of
 * the running plugins' {@link PluginResource}s. The permission filter finds a request's operation here, and
 * {@code GET /api/permissions} lists them.
 */
@Component(service = OperationCatalogue.class, immediate = true)
public class OperationCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(OperationCatalogue.class);

    private final Map<Long, List<RestOperation>> byService = new ConcurrentHashMap<>();
    private volatile List<RestOperation> sorted = List.of();
    private ServiceTracker<Object, Object> resources;
    private ServiceTracker<PluginResource, PluginResource> plugins;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        resources = new ServiceTracker<>(context,
                context.createFilter("(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = super.addingService(ref);
                if (resource != null) {
                    put(ref, RestOperation.of(resource.getClass(), ""));
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                remove(ref);
                super.removedService(ref, service);
            }
        };
        plugins = new ServiceTracker<>(context, PluginResource.class, null) {
            @Override
            public PluginResource addingService(ServiceReference<PluginResource> ref) {
                PluginResource resource = super.addingService(ref);
                String plugin = ref.getBundle() == null ? null : ref.getBundle().getHeaders("").get("DMS-Plugin");
                if (resource != null && plugin != null) {
                    put(ref, RestOperation.of(resource.getClass(), "/" + plugin.trim()));
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<PluginResource> ref, PluginResource service) {
                remove(ref);
                super.removedService(ref, service);
            }
        };
        resources.open(true);
        plugins.open(true);
    }

    @Deactivate
    void deactivate() {
        plugins.close();
        resources.close();
    }

    private void put(ServiceReference<?> ref, List<RestOperation> operations) {
        put((Long) ref.getProperty(Constants.SERVICE_ID), operations);
    }

    void put(long serviceId, List<RestOperation> operations) {
        byService.put(serviceId, operations);
        rebuild();
        operations.stream().filter(o -> o.permissions().isEmpty())
                .forEach(o -> LOG.debug("{} {} names no permission", o.method(), o.path()));
    }

    private void remove(ServiceReference<?> ref) {
        byService.remove((Long) ref.getProperty(Constants.SERVICE_ID));
        rebuild();
    }

    private synchronized void rebuild() {
        List<RestOperation> all = new ArrayList<>();
        byService.values().forEach(all::addAll);
        all.sort(Comparator.comparing(RestOperation::path).thenComparing(RestOperation::method));
        sorted = List.copyOf(all);
    }

    /** Every operation, by path then method. */
    List<RestOperation> all() {
        return sorted;
    }

    /**
     * The operation a request reaches, choosing as JAX-RS does when several templates match: the one with the most
     * literal characters ({@code /appointments/slots} before {@code /appointments/{id}}).
     */
    Optional<RestOperation> match(String method, String path) {
        String m = "HEAD".equals(method) ? "GET" : method;
        String p = RestOperation.join(path);
        return sorted.stream().filter(o -> o.matches(m, p)).max(Comparator.comparingInt(RestOperation::literalChars));
    }
}
