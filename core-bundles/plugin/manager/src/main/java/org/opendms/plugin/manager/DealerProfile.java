package org.opendms.plugin.manager;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the dealer has chosen: which plugins are enabled, from which repository and in which version, and their
 * configuration per PID. Kept as JSON in the dealer home, outside the distribution, so a newer build of the
 * distribution finds it again.
 *
 * <pre>
 * { "dealer": "示例汽修厂",
 *   "plugins": { "insurance": { "enabled": true,
 *                               "config": { "org.opendms.insurance": { "renewalWindowDays": 45 } } } } }
 * </pre>
 */
final class DealerProfile {

    public String dealer;
    public Map<String, Plugin> plugins = new TreeMap<>();

    static final class Plugin {
        public boolean enabled;
        /** Pinned version; null means the newest the repositories offer. */
        public String version;
        /** A feature repository to register first (a third party's plugin, or an update); null for built-in ones. */
        public String repository;
        public Map<String, Map<String, Object>> config = new TreeMap<>();
    }

    Plugin plugin(String id) {
        return plugins.computeIfAbsent(id, k -> new Plugin());
    }
}
