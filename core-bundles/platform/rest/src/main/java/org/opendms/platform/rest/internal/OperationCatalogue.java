package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.opendms.platform.rest.api.PluginResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
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
    /** Answered without login (see {@link BasicAuthFilter}). */
    private static final Set<String> PUBLIC = Set.of("/health", "/openapi.json", "/" + SessionResource.PATH);

    private final Map<Object, List<RestOperation>> byService = new ConcurrentHashMap<>();
    private volatile List<RestOperation> sorted = List.of();
    /** The operations by method and first path segment, so that a request tries a handful of patterns, not all. */
    private volatile Map<String, List<RestOperation>> byFirstSegment = Map.of();
    private ServiceTracker<Object, Object> resources;
    private ServiceTracker<Object, Object> plugins;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        resources = track(context, context.createFilter("(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)"),
                ref -> "");
        plugins = track(context,
                context.createFilter("(" + Constants.OBJECTCLASS + "=" + PluginResource.class.getName() + ")"),
                ref -> {
                    String plugin = ref.getBundle().getHeaders("").get("DMS-Plugin");
                    return plugin == null ? null : "/" + plugin.trim();
                });
    }

    /**
     * Reads the operations of each service's class without getting the service: getting it inside the service event
     * would activate the component (or create a prototype resource) on whatever thread registered it, behind the
     * whiteboard's back. A DS component's class is its component.name.
     */
    private ServiceTracker<Object, Object> track(BundleContext context, Filter filter,
            Function<ServiceReference<?>, String> prefix) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Class<?> type = implementation(ref);
                String at = ref.getBundle() == null ? null : prefix.apply(ref);
                if (type != null && at != null) {
                    OperationCatalogue.this.put(ref, RestOperation.of(type, at));
                }
                return ref;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                // not remove(ref): inside a tracker that is ServiceTracker.remove, and the operations would stay listed
                forget(ref);
            }
        };
        tracker.open(true);
        return tracker;
    }

    private static Class<?> implementation(ServiceReference<?> ref) {
        Object name = ref.getProperty("component.name");
        if (!(name instanceof String) && ref.getProperty(Constants.OBJECTCLASS) instanceof String[] classes
                && classes.length > 0) {
            name = classes[0];
        }
        try {
            return ref.getBundle() == null || !(name instanceof String n) ? null : ref.getBundle().loadClass(n);
        } catch (ClassNotFoundException e) {
            LOG.warn("{} is not listed with its permissions: its class {} is not its component.name ({})", ref, name,
                    e.getMessage());
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        plugins.close();
        resources.close();
    }

    /** Operations under a key: the service they were read from (or, in tests, any object). */
    void put(Object key, List<RestOperation> operations) {
        byService.put(key, operations);
        rebuild();
        // only the permission check of its service (if any) guards such an operation; PermissionMatrixIT fails on it
        operations.stream().filter(o -> o.permissions().isEmpty() && !PUBLIC.contains(o.path())
                && !o.path().startsWith("/" + BasicAuthFilter.NOTIFY)
                && !o.path().startsWith("/" + BasicAuthFilter.E_BILL))
                .forEach(o -> LOG.warn("{} {} names no permission (@RequiresPermission)", o.method(), o.path()));
    }

    private void forget(ServiceReference<?> ref) {
        byService.remove(ref);
        rebuild();
    }

    private synchronized void rebuild() {
        List<RestOperation> all = new ArrayList<>();
        byService.values().forEach(all::addAll);
        all.sort(Comparator.comparing(RestOperation::path).thenComparing(RestOperation::method));
        sorted = List.copyOf(all);
        Map<String, List<RestOperation>> index = new HashMap<>();
        all.forEach(o -> index.computeIfAbsent(key(o.method(), firstSegment(o.path())), k -> new ArrayList<>()).add(o));
        byFirstSegment = Map.copyOf(index);
    }

    /** {@code "GET vehicles"} for {@code GET /vehicles/{id}}; a first segment with a template is keyed {@code *}. */
    private static String key(String method, String segment) {
        return method + ' ' + (segment.indexOf('{') >= 0 ? "*" : segment);
    }

    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return path.substring(start, end < 0 ? path.length() : end);
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
        Map<String, List<RestOperation>> index = byFirstSegment;
        RestOperation best = best(null, index.get(key(m, firstSegment(p))), m, p);
        return Optional.ofNullable(best(best, index.get(key(m, "*")), m, p));
    }

    /** The matching candidate with the most literal characters, or {@code best} (this runs on every request). */
    private static RestOperation best(RestOperation best, List<RestOperation> candidates, String method, String path) {
        if (candidates != null) {
            for (RestOperation o : candidates) {
                if ((best == null || o.literalChars() > best.literalChars()) && o.matches(method, path)) {
                    best = o;
                }
            }
        }
        return best;
    }
}
