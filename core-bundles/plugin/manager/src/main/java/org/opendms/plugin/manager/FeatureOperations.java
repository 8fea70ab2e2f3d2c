package org.opendms.plugin.manager;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.plugin.api.DmsPlugin;
import org.opendms.plugin.api.manage.PluginState;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin operations as Karaf feature operations. Every change is resolved first with Karaf's simulate option, so
 * an incompatible or broken plugin is refused before anything is touched, and bundles are never refreshed
 * automatically, so core bundles keep running through every plugin operation. Each operation returns what it did,
 * for the operation record; the caller holds the operations lock.
 */
final class FeatureOperations {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureOperations.class);
    /** Karaf's own rule: no automatic refresh, so bundles outside the plugin never restart. */
    private static final EnumSet<Option> KEEP_CORE_RUNNING = EnumSet.of(Option.NoAutoRefreshBundles);
    private static final long SETTLE_MILLIS = 60_000;

    private final FeaturesService features;
    private final PluginCatalogue catalogue;
    private final ProfileSync profile;
    private final PluginInspector inspector;
    private final PluginStatusView view;
    private final PluginRefresher refresher;

    FeatureOperations(FeaturesService features, PluginCatalogue catalogue, ProfileSync profile,
            PluginInspector inspector, PluginStatusView view, PluginRefresher refresher) {
        this.features = features;
        this.catalogue = catalogue;
        this.profile = profile;
        this.inspector = inspector;
        this.view = view;
        this.refresher = refresher;
    }

    String enable(String id, String version) throws Exception {
        Feature installed = catalogue.installed(id);
        if (installed != null) {
            return "already enabled (" + installed.getVersion() + ")";
        }
        Feature feature = catalogue.offered(id, version);
        refuseUnlessResolvable(id, feature, EnumSet.of(Option.Simulate, Option.NoAutoRefreshBundles));
        profile.applyConfiguration(profile.entryOrNew(id));
        view.enabled(id);
        features.installFeature(feature.getName(), feature.getVersion(), KEEP_CORE_RUNNING);
        profile.change(p -> p.plugin(id).enabled = true);
        PluginState state = settle(id);
        return "version " + feature.getVersion() + " enabled: " + state;
    }

    String disable(String id) throws Exception {
        Feature installed = catalogue.installed(id);
        if (installed == null) {
            profile.change(p -> {
                if (p.plugins.containsKey(id)) {
                    p.plugin(id).enabled = false;
                }
            });
            return "already disabled";
        }
        List<Bundle> bundles = inspector.bundles(id, installed);
        features.uninstallFeature(installed.getName(), installed.getVersion(), KEEP_CORE_RUNNING);
        // uninstalled is uninstalled: the profile says so even if the refresh after it does not finish
        view.disabled(id);
        profile.change(p -> p.plugin(id).enabled = false);
        refresh(id, bundles);
        return "version " + installed.getVersion() + " disabled; its data is kept";
    }

    String update(String id, URI repository) throws Exception {
        Feature installed = catalogue.installed(id);
        if (installed == null) {
            throw DmsException.conflict("id", "plugin.disabled", "插件 " + id + " 未启用，请先启用再更新",
                    "plugin " + id + " is not enabled; enable it before updating it");
        }
        if (repository == null) {
            return reloadBundles(id, installed);
        }
        boolean added = catalogue.register(repository);
        try {
            Feature next = null;
            for (Feature f : catalogue.inRepository(repository)) {
                if (f.getName().equals(PluginNames.featureName(id))) {
                    next = f;
                }
            }
            if (next == null) {
                throw DmsException.invalid("repository", "plugin.notInRepository",
                        "仓库 " + repository + " 中没有插件 " + id, "repository " + repository + " holds no plugin " + id);
            }
            if (PluginNames.sameVersion(next.getVersion(), installed.getVersion())) {
                throw DmsException.conflict("repository", "plugin.sameVersion",
                        "插件 " + id + " 已是版本 " + next.getVersion() + "；要重新加载同一版本，请不带仓库地址更新",
                        "plugin " + id + " already runs version " + next.getVersion()
                                + "; to reload the same version, update without a repository");
            }
            Feature upgraded = next;
            try {
                return upgrade(id, installed, next);
            } finally {
                // once the new version is installed (even if its refresh then failed) the profile remembers it
                Feature now = catalogue.installed(id);
                if (now != null && PluginNames.sameVersion(now.getVersion(), upgraded.getVersion())) {
                    profile.change(p -> {
                        p.plugin(id).repository = repository.toString();
                        p.plugin(id).version = null;
                    });
                    added = false;
                }
            }
        } finally {
            if (added) {
                // refused: the repository goes again, so the system is as it was
                catalogue.unregister(repository);
            }
        }
    }

    String upgrade(String id, Feature installed, Feature next) throws Exception {
        refuseUnlessResolvable(id, next, EnumSet.of(Option.Simulate, Option.Upgrade, Option.NoAutoRefreshBundles));
        view.enabled(id);
        features.installFeature(next.getName(), next.getVersion(),
                EnumSet.of(Option.Upgrade, Option.NoAutoRefreshBundles));
        // the plugin's own bundles are rewired to each other's new versions; nothing outside the plugin is touched
        refresh(id, inspector.bundles(id, catalogue.installed(id)));
        PluginState state = settle(id);
        return "updated from " + installed.getVersion() + " to " + next.getVersion() + ": " + state;
    }

    /** Without a new repository: the same version reloaded from where its bundles came from (a rebuilt snapshot). */
    private String reloadBundles(String id, Feature installed) throws Exception {
        List<Bundle> bundles = inspector.bundles(id, installed);
        view.enabled(id);
        for (Bundle b : bundles) {
            b.update();
        }
        refresh(id, bundles);
        PluginState state = settle(id);
        return bundles.size() + " bundle(s) reloaded: " + state;
    }

    /** Registers the repository and its plugins in the dealer profile (disabled); returns the first plugin's id. */
    String add(URI repository) throws Exception {
        boolean added = catalogue.register(repository);
        List<String> ids = new ArrayList<>();
        for (Feature f : catalogue.inRepository(repository)) {
            String id = PluginNames.pluginId(f);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            if (added) {
                catalogue.unregister(repository);
            }
            throw DmsException.invalid("repository", "plugin.noneInRepository",
                    "仓库 " + repository + " 中没有插件（功能名须以 " + DmsPlugin.FEATURE_PREFIX + " 开头）",
                    "repository " + repository + " holds no plugin (feature names must start with "
                            + DmsPlugin.FEATURE_PREFIX + ")");
        }
        profile.change(p -> ids.forEach(id -> p.plugin(id).repository = repository.toString()));
        return ids.get(0);
    }

    String remove(String id) throws Exception {
        String disabled = disable(id);
        DealerProfile.Plugin entry = profile.entry(id);
        if (entry != null && entry.repository != null) {
            URI repository = PluginNames.parseRepository(entry.repository);
            boolean sharedWithOthers = profile.plugins().entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(id) && entry.repository.equals(e.getValue().repository));
            if (!sharedWithOthers && catalogue.isRegistered(repository)) {
                catalogue.unregister(repository);
            }
        }
        profile.change(p -> p.plugins.remove(id));
        return disabled + "; removed from the dealer profile";
    }

    /** Resolves the change without making it; a failure becomes a readable refusal and nothing has changed. */
    private void refuseUnlessResolvable(String id, Feature feature, EnumSet<Option> simulate) {
        // a missing local jar would otherwise be retried by Karaf's downloader for about two minutes
        for (BundleInfo bundle : feature.getBundles()) {
            String location = bundle.getLocation().trim();
            if (isMissingFile(location)) {
                throw DmsException.conflict("id", "plugin.unresolvable",
                        "插件 " + id + " 的文件不存在：" + location,
                        "plugin " + id + " names a file that is not there: " + location);
            }
        }
        try {
            features.installFeature(feature.getName(), feature.getVersion(), simulate);
        } catch (Exception e) {
            RefusalReasons.Reason reason = RefusalReasons.explain(id, e, catalogue::exportedVersions);
            LOG.info("Plugin {} {} refused: {}", id, feature.getVersion(), e.getMessage());
            DmsException refused = DmsException.conflict("id", "plugin.unresolvable", reason.zh(), reason.en());
            refused.initCause(e); // an interrupted deployment is tried again (InterruptedDeployments)
            throw refused;
        }
    }

    private static boolean isMissingFile(String location) {
        if (!location.startsWith("file:")) {
            return false;
        }
        try {
            return !Files.isReadable(Paths.get(URI.create(location)));
        } catch (IllegalArgumentException notAPlainFileUri) {
            return false; // left to Karaf's downloader, which explains it
        }
    }

    /** Refreshes the plugin's bundles; a refresh that does not finish in time fails the operation and the plugin. */
    private void refresh(String id, Collection<Bundle> bundles) throws InterruptedException {
        if (!refresher.refresh(bundles)) {
            RefusalReasons.Reason reason = RefusalReasons.refreshTimedOut(id, refresher.timeout());
            LOG.error("Plugin {}: {}", id, reason.en());
            view.unfinished(id, reason.zh() + " / " + reason.en());
            throw new DmsException(DmsException.Kind.UNAVAILABLE,
                    List.of(new Violation("id", "plugin.refreshTimedOut", reason.zh(), reason.en())));
        }
    }

    /** Waits until the plugin is up or has failed, so the caller hears the outcome. */
    private PluginState settle(String id) throws InterruptedException {
        long until = System.currentTimeMillis() + SETTLE_MILLIS;
        PluginState state = view.status(id).state();
        while (state == PluginState.STARTING && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            state = view.status(id).state();
        }
        return state;
    }
}
