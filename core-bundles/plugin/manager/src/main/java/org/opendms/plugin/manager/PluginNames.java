package org.opendms.plugin.manager;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.opendms.platform.api.DmsException;
import org.opendms.plugin.api.DmsPlugin;
import org.osgi.framework.Version;

/** Plugin ids, feature versions and repository addresses: as an admin types them and as Karaf names them. */
final class PluginNames {

    private PluginNames() {
    }

    /** The plugin id of a feature named {@code dms-plugin-<id>}; null for any other feature. */
    static String pluginId(Feature f) {
        String name = f.getName();
        if (!name.startsWith(DmsPlugin.FEATURE_PREFIX)) {
            return null;
        }
        String id = name.substring(DmsPlugin.FEATURE_PREFIX.length());
        return id.matches(DmsPlugin.ID_PATTERN) ? id : null;
    }

    static String featureName(String id) {
        return DmsPlugin.FEATURE_PREFIX + id;
    }

    static String checkId(String id) {
        if (id == null || !id.trim().matches(DmsPlugin.ID_PATTERN)) {
            throw DmsException.invalid("id", "plugin.id", "插件名须为小写字母、数字和连字符，以字母开头，最长 40 个字符",
                    "a plugin id is lower-case letters, digits and dashes, starting with a letter, at most 40 characters");
        }
        return id.trim();
    }

    static URI parseRepository(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > 1000) {
            throw DmsException.invalid("repository", "plugin.repository",
                    "须给出功能仓库地址，如 mvn:组/名/版本/xml/features 或 file:/…",
                    "give a feature repository address such as mvn:group/artifact/version/xml/features or file:/…");
        }
        try {
            URI parsed = new URI(uri.trim());
            if (parsed.getScheme() == null || !Set.of("mvn", "file", "http", "https").contains(parsed.getScheme())) {
                throw new URISyntaxException(uri, "scheme must be mvn, file, http or https");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw DmsException.invalid("repository", "plugin.repository",
                    "功能仓库地址无效（须以 mvn:、file:、http: 或 https: 开头）：" + uri,
                    "not a feature repository address (mvn:, file:, http: or https:): " + uri);
        }
    }

    static boolean sameVersion(String a, String b) {
        return version(a).equals(version(b));
    }

    /** Feature versions as OSGi versions; "0.1.0-SNAPSHOT" and "0.1.0.SNAPSHOT" are the same. */
    static Version version(String v) {
        try {
            String s = v.trim().replaceFirst("-", ".");
            String[] parts = s.split("\\.", 4);
            if (parts.length == 2 && !parts[1].matches("\\d+")) {
                s = parts[0] + ".0.0." + parts[1];
            } else if (parts.length == 3 && !parts[2].matches("\\d+")) {
                s = parts[0] + "." + parts[1] + ".0." + parts[2];
            }
            return Version.parseVersion(s);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
