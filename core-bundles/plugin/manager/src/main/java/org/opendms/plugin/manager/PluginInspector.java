package org.opendms.plugin.manager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.opendms.plugin.api.DmsPlugin;
import org.opendms.plugin.api.manage.PluginState;
import org.opendms.platform.api.schema.SchemaFailed;
import org.opendms.platform.api.schema.SchemaReady;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Looks at a running plugin: its bundles, its components and its schema, and says whether it is up, still starting
 * or failed, and why.
 */
final class PluginInspector {

    /** What was found about one enabled plugin. */
    record Health(PluginState state, String problem, List<String> bundles, Map<String, String> schemaVersions,
            Set<String> configurationPids) {
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    PluginInspector(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** The plugin's bundles: those carrying its header, and those its installed feature lists. */
    List<Bundle> bundles(String id, Feature installed) {
        Set<Bundle> found = new LinkedHashSet<>();
        for (Bundle b : context.getBundles()) {
            String header = b.getHeaders("").get(DmsPlugin.HEADER);
            if (header != null && header.trim().equals(id)) {
                found.add(b);
            }
        }
        if (installed != null) {
            for (BundleInfo info : installed.getBundles()) {
                Bundle b = context.getBundle(info.getLocation());
                if (b != null && !info.isDependency()) {
                    found.add(b);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * @param inGrace true while the plugin may still be starting (just enabled); afterwards an unsatisfied
     *                component counts as failed
     */
    Health inspect(Collection<Bundle> bundles, boolean inGrace) {
        List<String> shown = new ArrayList<>();
        Map<String, String> schemas = new TreeMap<>();
        Set<String> pids = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        boolean starting = false;
        for (Bundle b : bundles) {
            shown.add(b.getSymbolicName() + " " + b.getVersion() + " " + stateName(b.getState()));
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            switch (b.getState()) {
            case Bundle.ACTIVE:
                break;
            case Bundle.RESOLVED:
                if (!fragment) {
                    if (inGrace) {
                        starting = true;
                    } else {
                        failures.add(b.getSymbolicName() + " 未启动 is not started");
                    }
                }
                break;
            case Bundle.INSTALLED:
                failures.add(b.getSymbolicName() + " 无法解析 cannot be resolved (bundle:diag " + b.getBundleId() + ")");
                break;
            default:
                starting = true;
            }
            String failedSchema = schemaFailure(b.getSymbolicName());
            if (failedSchema != null) {
                failures.add(b.getSymbolicName() + " 数据库迁移失败 schema migration failed: " + failedSchema);
            }
            String schema = schemaVersion(b.getSymbolicName());
            if (schema != null) {
                schemas.put(b.getSymbolicName(), schema);
            } else if (failedSchema == null && b.getHeaders("").get(SchemaReady.CHANGELOG_HEADER) != null) {
                starting = true; // its migration is still running: the plugin is not up until its schema is
            }
            if (b.getState() != Bundle.ACTIVE) {
                continue;
            }
            Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(b);
            if (descriptions.isEmpty() && b.getHeaders("").get("Service-Component") != null) {
                starting = true; // active, but SCR has not taken up its components yet: its services are not there
            }
            for (ComponentDescriptionDTO d : descriptions) {
                for (String pid : d.configurationPid) {
                    pids.add(pid);
                }
                if (!d.defaultEnabled) {
                    continue;
                }
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
                if (configurations.isEmpty() && inGrace) {
                    starting = true; // described, not yet configured
                }
                for (ComponentConfigurationDTO c : configurations) {
                    switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION:
                        failures.add(d.name + " 启动失败 failed to activate: " + c.failure);
                        break;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                        if (inGrace && failedSchema == null) {
                            starting = true;
                        } else if (failedSchema == null) {
                            failures.add(d.name + " 缺少服务 waits for " + waitsFor(c));
                        }
                        break;
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                        failures.add(d.name + " 缺少配置 needs configuration " + String.join(", ", d.configurationPid));
                        break;
                    default:
                    }
                }
            }
        }
        PluginState state;
        String problem = null;
        if (!failures.isEmpty()) {
            state = PluginState.FAILED;
            problem = String.join("; ", failures);
        } else if (starting || bundles.isEmpty()) {
            state = PluginState.STARTING;
        } else {
            state = PluginState.ACTIVE;
        }
        return new Health(state, problem, shown, schemas, pids);
    }

    /** The configuration PIDs the plugin's components read. */
    Set<String> configurationPids(Collection<Bundle> bundles) {
        Set<String> pids = new LinkedHashSet<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.ACTIVE) {
                for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                    pids.addAll(List.of(d.configurationPid));
                }
            }
        }
        return pids;
    }

    private static String waitsFor(ComponentConfigurationDTO c) {
        List<String> wanted = new ArrayList<>();
        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
            String target = r.target == null ? "" : " " + r.target;
            if (target.contains(SchemaReady.BUNDLE)) {
                wanted.add("its schema (migration still running or failed, see the log)");
            } else {
                wanted.add(r.name + target);
            }
        }
        return String.join(", ", wanted);
    }

    private String schemaVersion(String bundle) {
        ServiceReference<?> ref = first(SchemaReady.class.getName(), bundle);
        return ref == null ? null : String.valueOf(ref.getProperty(SchemaReady.VERSION));
    }

    private String schemaFailure(String bundle) {
        ServiceReference<?> ref = first(SchemaFailed.class.getName(), bundle);
        if (ref == null) {
            return null;
        }
        Object service = context.getService(ref);
        try {
            return service instanceof SchemaFailed failed ? failed.reason() : "see the log";
        } finally {
            context.ungetService(ref);
        }
    }

    private ServiceReference<?> first(String clazz, String bundle) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(clazz,
                    "(" + SchemaReady.BUNDLE + "=" + bundle + ")");
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    static String stateName(int state) {
        return switch (state) {
        case Bundle.ACTIVE -> "ACTIVE";
        case Bundle.RESOLVED -> "RESOLVED";
        case Bundle.INSTALLED -> "INSTALLED";
        case Bundle.STARTING -> "STARTING";
        case Bundle.STOPPING -> "STOPPING";
        default -> "UNINSTALLED";
        };
    }
}
