package org.opendms.staff.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The JAAS realm "karaf" answered by staff accounts. Ranked above Karaf's own properties realm of the same name,
 * so SSH/bin/client, the web console and the REST login filter all check staff accounts; it exists only while the
 * staff service runs (before that, and if this bundle stops, Karaf's users.properties realm answers again).
 */
@Component(service = JaasRealm.class, configurationPid = StaffRealm.PID)
@Designate(ocd = StaffRealm.Config.class)
public class StaffRealm implements JaasRealm {

    static final String PID = "org.opendms.staff.realm";
    static final String LOGINS = "org.opendms.staff.logins";
    static final String CONSOLE_ROLES = "org.opendms.staff.consoleRoles";
    /** A realm option: only accounts with this shop role log in (the JMX realm: admin). */
    static final String REQUIRED_ROLE = "org.opendms.staff.requiredRole";

    @ObjectClassDefinition(name = "OpenDMS staff login realm")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm name; 'karaf' takes over the console and /api logins")
        String name() default "karaf";

        @AttributeDefinition(description = "Rank; above 0 wins over Karaf's users.properties realm")
        int rank() default 10;

        @AttributeDefinition(description = "Karaf roles an admin account also gets, for the console (ssh) and its commands")
        String[] adminConsoleRoles() default { "viewer", "systembundles", "ssh" };
    }

    @Reference
    StaffLogins logins;

    private String name;
    private int rank;
    private AppConfigurationEntry[] entries;

    @Activate
    void activate(Config config, BundleContext context) {
        name = config.name();
        rank = config.rank();
        entries = entries(context, logins, List.of(config.adminConsoleRoles()), null);
    }

    /** The one login module entry: staff accounts, optionally only those with {@code requiredRole}. */
    static AppConfigurationEntry[] entries(BundleContext context, StaffLogins logins, List<String> consoleRoles,
            String requiredRole) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, StaffLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        options.put(LOGINS, logins);
        options.put(CONSOLE_ROLES, consoleRoles);
        if (requiredRole != null) {
            options.put(REQUIRED_ROLE, requiredRole);
        }
        return new AppConfigurationEntry[] { new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options) };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return rank;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
