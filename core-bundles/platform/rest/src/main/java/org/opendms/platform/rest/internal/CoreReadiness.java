package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.opendms.platform.api.schema.SchemaReady;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * What of the core is still starting. The core is every OpenDMS bundle of the {@value #CORE_FEATURE} feature and the
 * features it names, so a bundle added to the core (or a resource split in two) is covered without touching this
 * class; plugins are not core and never hold health down. A core bundle is ready when it is active, its schema is
 * migrated (when it has a changelog), every enabled component of it is satisfied, and each of its REST resources is
 * served by the whiteboard: only then does every core endpoint answer.
 */
final class CoreReadiness {

    static final String CORE_FEATURE = "dms-core";
    private static final String OUR_BUNDLES = "mvn:org.opendms/";

    private final BundleContext context;
    private final FeaturesService features;
    private final ServiceComponentRuntime scr;
    private final JaxrsServiceRuntime jaxrs;

    CoreReadiness(BundleContext context, FeaturesService features, ServiceComponentRuntime scr,
            JaxrsServiceRuntime jaxrs) {
        this.context = context;
        this.features = features;
        this.scr = scr;
        this.jaxrs = jaxrs;
    }

    /**
     * Whether every core resource is registered, not asking whether the whiteboard serves them yet: when
     * {@link ApiGate} lets the whiteboard publish them all at once. Asked often while the core starts, so it stops at
     * the first thing still starting and asks the component runtime (the costly part) only once every core bundle is
     * active with its schema migrated.
     */
    boolean registered() {
        Set<String> names;
        try {
            names = coreBundleNames();
        } catch (Exception e) {
            return false;
        }
        List<Bundle> bundles = new ArrayList<>();
        for (String name : names) {
            Bundle bundle = bundle(name);
            if (bundle == null || bundle.getState() != Bundle.ACTIVE || schemaPending(bundle)) {
                return false;
            }
            bundles.add(bundle);
        }
        List<String> pending = new ArrayList<>();
        for (Bundle bundle : bundles) {
            componentsPending(bundle, pending);
            if (!pending.isEmpty()) {
                return false;
            }
        }
        return !bundles.isEmpty();
    }

    /** One line per thing still starting, in the core's bundle order; empty when the whole core is ready. */
    List<String> starting() {
        List<String> starting = new ArrayList<>();
        Set<String> names;
        try {
            names = coreBundleNames();
        } catch (Exception e) {
            return List.of("feature " + CORE_FEATURE + ": " + e.getMessage());
        }
        if (names.isEmpty()) {
            return List.of("feature " + CORE_FEATURE + " not known yet");
        }
        Set<Long> served;
        try {
            served = servedResources();
        } catch (RuntimeException e) {
            // the JAX-RS whiteboard is being restarted (pax-web applying its configuration at start, or a stop): a
            // resource's bundle may be gone between listing and reading it. Not ready, and not an error.
            return List.of("the REST runtime is changing: " + e);
        }
        for (String name : names) {
            Bundle bundle = bundle(name);
            if (bundle == null) {
                starting.add(name + ": not installed");
            } else if (bundle.getState() != Bundle.ACTIVE) {
                starting.add(name + ": not active");
            } else {
                check(bundle, served, starting);
            }
        }
        return starting;
    }

    private void check(Bundle bundle, Set<Long> served, List<String> starting) {
        String name = bundle.getSymbolicName();
        if (schemaPending(bundle)) {
            starting.add(name + ": schema migration");
        }
        componentsPending(bundle, starting);
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> ref : registered) {
                if (isResource(ref) && !served.contains((Long) ref.getProperty("service.id"))) {
                    starting.add(name + ": REST resource " + ref.getProperty("component.name") + " not yet served");
                }
            }
        }
    }

    private boolean schemaPending(Bundle bundle) {
        return bundle.getHeaders("").get(SchemaReady.CHANGELOG_HEADER) != null
                && !schemaReady(bundle.getSymbolicName());
    }

    private void componentsPending(Bundle bundle, List<String> starting) {
        String name = bundle.getSymbolicName();
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
        if (descriptions.isEmpty() && bundle.getHeaders("").get("Service-Component") != null) {
            starting.add(name + ": components not yet taken up");
        }
        for (ComponentDescriptionDTO d : descriptions) {
            if (!d.defaultEnabled) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                // a component that waits for a configuration nobody gave is switched off, not starting
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    starting.add(name + ": " + d.name + " " + waitsFor(c));
                }
            }
        }
    }

    private static String waitsFor(ComponentConfigurationDTO c) {
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            return "failed to activate: " + c.failure;
        }
        List<String> wanted = new ArrayList<>();
        for (var r : c.unsatisfiedReferences) {
            wanted.add(r.target == null ? r.name : r.name + " " + r.target);
        }
        return "waits for " + String.join(", ", wanted);
    }

    private static boolean isResource(ServiceReference<?> ref) {
        Object flag = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_RESOURCE);
        return flag != null && Boolean.parseBoolean(flag.toString());
    }

    private Set<Long> servedResources() {
        Set<Long> ids = new HashSet<>();
        RuntimeDTO runtime = jaxrs.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>();
        if (runtime.defaultApplication != null) {
            applications.add(runtime.defaultApplication);
        }
        if (runtime.applicationDTOs != null) {
            applications.addAll(List.of(runtime.applicationDTOs));
        }
        for (ApplicationDTO a : applications) {
            for (ResourceDTO r : a.resourceDTOs) {
                ids.add(r.serviceId);
            }
        }
        return ids;
    }

    private boolean schemaReady(String bundle) {
        try {
            return !context.getServiceReferences(SchemaReady.class,
                    "(" + SchemaReady.BUNDLE + "=" + bundle + ")").isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Symbolic names of our bundles in the core feature and everything it names (our bundle name is its artifactId).
     */
    private Set<String> coreBundleNames() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        collect(features.getFeature(CORE_FEATURE), names, new HashSet<>());
        return names;
    }

    private void collect(Feature feature, Set<String> names, Set<String> seen) throws Exception {
        if (feature == null || !seen.add(feature.getId())) {
            return;
        }
        for (Dependency d : feature.getDependencies()) {
            if (d.getName().startsWith("dms-")) { // Karaf's own features (scr, http, ...) hold none of our bundles
                collect(features.getFeature(d.getName()), names, seen);
            }
        }
        for (BundleInfo b : feature.getBundles()) {
            String location = b.getLocation();
            if (location.startsWith(OUR_BUNDLES)) {
                names.add(location.substring(OUR_BUNDLES.length()).split("/")[0]);
            }
        }
    }
}
