package org.opendms.plugin.manager;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.opendms.platform.api.DmsException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins Karaf knows: the features {@code dms-plugin-<id>} the registered repositories offer, the one installed,
 * the one the dealer profile remembers, and the packages this platform exports for them. Reads only, except for
 * registering a repository.
 */
final class PluginCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalogue.class);

    private final FeaturesService features;
    private final BundleContext context;
    private final PluginInspector inspector;
    private final ProfileSync profile;

    PluginCatalogue(FeaturesService features, BundleContext context, PluginInspector inspector, ProfileSync profile) {
        this.features = features;
        this.context = context;
        this.inspector = inspector;
        this.profile = profile;
    }

    /** Every plugin id a registered repository offers. */
    Set<String> offeredIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Feature f : features.listFeatures()) {
            String id = PluginNames.pluginId(f);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every version offered of the plugin, oldest first. */
    List<Feature> offeredVersions(String id) throws Exception {
        Feature[] offered = features.getFeatures(PluginNames.featureName(id));
        return offered == null ? List.of() : Arrays.stream(offered)
                .sorted(Comparator.comparing(f -> PluginNames.version(f.getVersion()))).toList();
    }

    /** The plugin's installed feature, null if it is not installed. */
    Feature installed(String id) throws Exception {
        for (Feature f : features.listInstalledFeatures()) {
            if (f.getName().equals(PluginNames.featureName(id))) {
                return f;
            }
        }
        return null;
    }

    /** The installed plugins' features. */
    List<Feature> installedPlugins() throws Exception {
        List<Feature> plugins = new ArrayList<>();
        for (Feature f : features.listInstalledFeatures()) {
            if (PluginNames.pluginId(f) != null) {
                plugins.add(f);
            }
        }
        return plugins;
    }

    /** The plugin features a registered repository holds. */
    List<Feature> inRepository(URI repository) throws Exception {
        List<Feature> plugins = new ArrayList<>();
        for (Feature f : features.getRepository(repository).getFeatures()) {
            if (PluginNames.pluginId(f) != null) {
                plugins.add(f);
            }
        }
        return plugins;
    }

    /**
     * The plugin's feature in the repository the dealer profile names for it (the one it was last enabled or
     * updated from), if that repository is registered and offers it: an update and an update back leave both
     * versions registered, and the plugin must come back as the dealer left it, not as the newest one.
     */
    Feature fromProfileRepository(String id) {
        DealerProfile.Plugin entry = profile.entry(id);
        if (entry == null || entry.repository == null) {
            return null;
        }
        try {
            Repository repository = features.getRepository(URI.create(entry.repository));
            if (repository != null) {
                for (Feature f : repository.getFeatures()) {
                    if (f.getName().equals(PluginNames.featureName(id))) {
                        return f;
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("repository {} of plugin {} not read", entry.repository, id, e);
        }
        return null;
    }

    /** The wanted version, else the one from the profile's repository, else the newest one offered. */
    Feature offered(String id, String version) throws Exception {
        if (version == null) {
            Feature remembered = fromProfileRepository(id);
            if (remembered != null) {
                return remembered;
            }
        }
        Feature[] all = features.getFeatures(PluginNames.featureName(id));
        Feature best = null;
        for (Feature f : all == null ? new Feature[0] : all) {
            if (version != null ? PluginNames.sameVersion(f.getVersion(), version)
                    : best == null || PluginNames.version(f.getVersion())
                            .compareTo(PluginNames.version(best.getVersion())) > 0) {
                best = f;
            }
        }
        if (best == null) {
            throw DmsException.notFound("id", "没有名为 " + id + " 的插件" + (version == null ? "" : "（版本 " + version + "）")
                    + "；已登记的功能仓库中找不到 " + PluginNames.featureName(id),
                    "there is no plugin named " + id + (version == null ? "" : " (version " + version + ")")
                            + "; no registered feature repository has " + PluginNames.featureName(id));
        }
        return best;
    }

    boolean isRegistered(URI repository) throws Exception {
        return features.getRepository(repository) != null;
    }

    /** Registers the repository unless it is already; true if this call added it. */
    boolean register(URI repository) {
        try {
            if (features.getRepository(repository) != null) {
                return false;
            }
            features.addRepository(repository, false);
            return true;
        } catch (Exception e) {
            // what the parser or the downloader says may quote the file: it goes to the log, not to the caller
            LOG.info("Feature repository {} cannot be read", repository, e);
            throw DmsException.invalid("repository", "plugin.repositoryUnreadable",
                    "功能仓库 " + repository + " 无法读取（不存在、无法访问或不是 Karaf 功能仓库文件；详情见服务器日志）",
                    "feature repository " + repository
                            + " cannot be read (missing, unreachable or not a Karaf features file; details in the server log)");
        }
    }

    void unregister(URI repository) throws Exception {
        features.removeRepository(repository, false);
    }

    /** The installed plugin whose components read this configuration PID, null if none. */
    String installedOwner(String pid) {
        try {
            for (Feature f : installedPlugins()) {
                String id = PluginNames.pluginId(f);
                if (inspector.configurationPids(inspector.bundles(id, f)).contains(pid)) {
                    return id;
                }
            }
        } catch (Exception e) {
            LOG.debug("cannot tell which plugin owns {}", pid, e);
        }
        return null;
    }

    /** The versions in which this platform exports a package: what an incompatible plugin is told it can have. */
    List<String> exportedVersions(String pkg) {
        Set<String> versions = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability cap : wiring.getCapabilities("osgi.wiring.package")) {
                if (pkg.equals(cap.getAttributes().get("osgi.wiring.package"))) {
                    versions.add(String.valueOf(cap.getAttributes().get("version")));
                }
            }
        }
        return new ArrayList<>(versions);
    }
}
