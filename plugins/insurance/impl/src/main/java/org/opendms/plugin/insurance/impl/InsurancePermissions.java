package org.opendms.plugin.insurance.impl;

import static org.opendms.platform.api.Roles.ADMIN;
import static org.opendms.platform.api.Roles.ADVISOR;
import static org.opendms.platform.api.Roles.CASHIER;
import static org.opendms.platform.api.Roles.MANAGER;

import java.util.List;

import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The plugin's rows of the platform's permission table, with the roles a shop starts with. */
@Component(service = PermissionSet.class, property = InsurancePermissions.PROPERTY + "=insurance")
public class InsurancePermissions implements PermissionSet {

    /** Marks the set with its plugin, so that the plugin's own services can wait for it. */
    static final String PROPERTY = "dms.permissions";

    static final String POLICY_READ = "insurance.policy.read";
    static final String POLICY_CREATE = "insurance.policy.create";
    static final String POLICY_UPDATE = "insurance.policy.update";
    static final String RENEWAL_READ = "insurance.renewal.read";

    private static final List<String> FRONT_DESK = List.of(ADMIN, MANAGER, ADVISOR);
    /** The cashier sees policies when settling insurance work. */
    private static final List<String> READERS = List.of(ADMIN, MANAGER, ADVISOR, CASHIER);

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(POLICY_READ, "查看保单", "read policies", READERS),
                new Permission(POLICY_CREATE, "登记保单", "record policies", FRONT_DESK),
                new Permission(POLICY_UPDATE, "修改保单", "change policies", FRONT_DESK),
                new Permission(RENEWAL_READ, "查看续保名单", "read the renewal list", READERS));
    }
}
