package org.opendms.webapp.extension;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.webapp.live.LiveHub;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The plugin pages that are there now: every {@link WebExtension} service of a running bundle. When one comes or goes
 * (a plugin enabled, disabled or updated) the open pages are told ({@value #EVENT}) and fetch the list again, so the
 * menu follows without a reload.
 */
@Component(service = WebExtensions.class)
public class WebExtensions {

    static final String EVENT = "web-extensions";

    @Reference
    LiveHub hub;

    private final Map<ServiceReference<WebExtension>, Contribution> running = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ServiceReference<WebExtension> ref, WebExtension extension) {
        running.put(ref, Contribution.of(ref.getBundle(), extension));
        changed();
    }

    void remove(ServiceReference<WebExtension> ref) {
        if (running.remove(ref) != null) {
            changed();
        }
    }

    List<Contribution> all() {
        return running.values().stream().sorted((a, b) -> a.plugin().compareTo(b.plugin())).toList();
    }

    Optional<Contribution> of(String plugin) {
        return running.values().stream().filter(c -> c.plugin().equals(plugin)).findFirst();
    }

    private void changed() {
        // the hub is bound before the extensions (static reference), but not while this component goes away
        LiveHub h = hub;
        if (h != null) {
            h.publish(EVENT, Map.of("plugins", running.values().stream().map(Contribution::plugin).sorted().toList()),
                    null);
        }
    }
}
