package org.opendms.plugin.manager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dealer profile while the platform runs: loaded at start, changed by every plugin operation and saved only
 * when it really changed; its configuration is written to Config Admin, and configuration changed elsewhere
 * (config:edit, an etc/*.cfg edit) is written back to it.
 */
final class ProfileSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSync.class);
    private static final Set<String> INTERNAL_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", "org.apache.karaf.features.configKey");

    private final ProfileStore store;
    private final ConfigurationAdmin configAdmin;
    /** Which installed plugin's components read a PID (null if none): for PIDs the profile does not name yet. */
    private final Function<String, String> installedOwner;
    private final Object lock = new Object();
    private volatile DealerProfile profile = new DealerProfile();

    ProfileSync(ProfileStore store, ConfigurationAdmin configAdmin, Function<String, String> installedOwner) {
        this.store = store;
        this.configAdmin = configAdmin;
        this.installedOwner = installedOwner;
    }

    Path file() {
        return store.file();
    }

    /** Reads the dealer's profile; from now on it is the one the manager keeps. */
    DealerProfile load() throws IOException {
        DealerProfile loaded = store.load();
        profile = loaded;
        return loaded;
    }

    /** The plugin's entry, null if the profile does not name it. */
    DealerProfile.Plugin entry(String id) {
        synchronized (lock) {
            return profile.plugins.get(id);
        }
    }

    /** The plugin's entry, made (in memory) if the profile does not name it yet. */
    DealerProfile.Plugin entryOrNew(String id) {
        synchronized (lock) {
            return profile.plugin(id);
        }
    }

    Set<String> ids() {
        return new TreeSet<>(profile.plugins.keySet());
    }

    Map<String, DealerProfile.Plugin> plugins() {
        return profile.plugins;
    }

    /** Applies a change and saves the profile if anything in it changed. */
    void change(Consumer<DealerProfile> change) throws IOException {
        synchronized (lock) {
            DealerProfile p = profile;
            String before = snapshot(p);
            change.accept(p);
            if (!Objects.equals(before, snapshot(p))) {
                store.save(p);
            }
        }
    }

    /** Writes the plugin's configuration from the profile to Config Admin where it differs. */
    void applyConfiguration(DealerProfile.Plugin wanted) throws IOException {
        for (Map.Entry<String, Map<String, Object>> pid : wanted.config.entrySet()) {
            Configuration c = configAdmin.getConfiguration(pid.getKey(), "?");
            Dictionary<String, Object> current = c.getProperties();
            if (!sameValues(current, pid.getValue())) {
                Hashtable<String, Object> values = new Hashtable<>();
                if (current != null) {
                    for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                        String key = keys.nextElement();
                        values.put(key, current.get(key));
                    }
                }
                pid.getValue().forEach((k, v) -> values.put(k, v instanceof List<?> l ? l.toArray(new String[0]) : v));
                c.update(values);
            }
        }
    }

    /** Told of a plugin's setting changed: its PID and values before and after (null: none). */
    interface SettingsChanged {
        void changed(String pid, Map<String, Object> before, Map<String, Object> after);
    }

    /**
     * Keeps the profile in step with configuration changed elsewhere, telling {@code told} the setting's values before
     * and after once the profile has them.
     */
    void configurationChanged(ConfigurationEvent event, SettingsChanged told) {
        if (event.getFactoryPid() != null || event.getType() == ConfigurationEvent.CM_LOCATION_CHANGED) {
            return;
        }
        String pid = event.getPid();
        String owner = ownerOf(pid);
        if (owner == null) {
            return;
        }
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            Map<String, Object> values = found == null || found.length == 0 ? null
                    : withoutInternalKeys(found[0].getProperties());
            DealerProfile.Plugin was = entry(owner);
            Map<String, Object> before = was == null ? null : was.config.get(pid);
            change(p -> {
                Map<String, Map<String, Object>> config = p.plugin(owner).config;
                if (values == null) {
                    config.remove(pid);
                } else {
                    config.put(pid, values);
                }
            });
            told.changed(pid, before, values);
        } catch (Exception e) {
            LOG.warn("Configuration {} of plugin {} not written to the dealer profile: {}", pid, owner, e.getMessage());
        }
    }

    private String ownerOf(String pid) {
        for (Map.Entry<String, DealerProfile.Plugin> e : profile.plugins.entrySet()) {
            if (e.getValue().config.containsKey(pid)) {
                return e.getKey();
            }
        }
        return installedOwner.apply(pid);
    }

    private static String snapshot(DealerProfile p) {
        StringBuilder s = new StringBuilder(String.valueOf(p.dealer));
        p.plugins.forEach((id, e) -> s.append('|').append(id).append(e.enabled).append(e.version).append(e.repository)
                .append(new TreeMap<>(e.config)));
        return s.toString();
    }

    private static Map<String, Object> withoutInternalKeys(Dictionary<String, Object> props) {
        Map<String, Object> values = new TreeMap<>();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!INTERNAL_KEYS.contains(key)) {
                    Object v = props.get(key);
                    values.put(key, v instanceof Object[] array ? List.of(array) : v);
                }
            }
        }
        return values;
    }

    private static boolean sameValues(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return wanted.isEmpty();
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            Object now = current.get(e.getKey());
            Object shown = now instanceof Object[] array ? List.of(array) : now;
            if (!String.valueOf(e.getValue()).equals(String.valueOf(shown))) {
                return false;
            }
        }
        return true;
    }
}
