package org.opendms.staff.impl;

import java.util.List;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JAAS realm {@value #NAME}: staff accounts with the admin role only, every other account is refused at login.
 * JMX logs in against it ({@code jmxRealm} in etc/org.apache.karaf.management.cfg), so no other staff login can
 * connect to the platform's management beans.
 */
@Component(service = JaasRealm.class)
public class AdminRealm implements JaasRealm {

    static final String NAME = "dms-admin";

    @Reference
    StaffLogins logins;

    private AppConfigurationEntry[] entries;

    @Activate
    void activate(BundleContext context) {
        entries = StaffRealm.entries(context, logins, List.of("viewer", "systembundles", "ssh"),
                org.opendms.platform.api.Roles.ADMIN);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
