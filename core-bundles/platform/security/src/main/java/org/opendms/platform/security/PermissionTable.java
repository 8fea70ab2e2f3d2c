package org.opendms.platform.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link CorePermissions} with the permissions of the plugins that run now. A plugin's set is merged when it
 * is registered and dropped when it goes; the merged view is rebuilt then, so a check is one map lookup.
 */
@Component(service = Permissions.class)
public class PermissionTable implements Permissions {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionTable.class);

    private final PermissionSet core = new CorePermissions();
    private final List<PermissionSet> plugins = new ArrayList<>();
    private volatile Map<String, Permission> byName = merge(core, List.of());

    /** The table outside OSGi (tests): core's permissions and the given plugins'. */
    public static Permissions of(PermissionSet... plugins) {
        PermissionTable table = new PermissionTable();
        for (PermissionSet set : plugins) {
            table.addPlugin(set);
        }
        return table;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addPlugin(PermissionSet set) {
        plugins.add(set);
        byName = merge(core, plugins);
    }

    synchronized void removePlugin(PermissionSet set) {
        plugins.remove(set);
        byName = merge(core, plugins);
    }

    private static Map<String, Permission> merge(PermissionSet core, List<PermissionSet> plugins) {
        Map<String, Permission> merged = new LinkedHashMap<>();
        core.permissions().forEach(p -> merged.put(p.name(), p));
        for (PermissionSet set : plugins) {
            for (Permission p : set.permissions()) {
                Permission before = merged.putIfAbsent(p.name(), p);
                if (before != null) {
                    LOG.error("{} declares permission {}, which is already in the table; ignored",
                            set.getClass().getName(), p.name());
                }
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    @Override
    public void require(Actor actor, String permission) {
        Permission p = byName.get(permission);
        if (p == null) {
            LOG.warn("permission {} is not in the table (a plugin that is not running?); refused", permission);
            throw DmsException.forbidden("权限 " + permission + " 未登记", "permission " + permission + " is not known");
        }
        if (!p.grantedTo(actor)) {
            String roles = String.join("/", p.roles());
            throw DmsException.forbidden("您的角色不能" + p.labelZh() + "（权限 " + p.name() + "，需要 " + roles + "）",
                    "your role may not " + p.labelEn() + " (permission " + p.name() + ", needs " + roles + ")");
        }
    }

    @Override
    public boolean allows(Actor actor, String permission) {
        Permission p = byName.get(permission);
        return p != null && p.grantedTo(actor);
    }

    @Override
    public Optional<Permission> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<Permission> all() {
        return List.copyOf(byName.values());
    }
}
