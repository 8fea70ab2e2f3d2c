package org.opendms.plugin.manager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.features.Feature;
import org.opendms.platform.api.DmsException;
import org.opendms.plugin.api.manage.PluginState;
import org.opendms.plugin.api.manage.PluginStatus;

/**
 * One plugin as the admin sees it: what the repositories offer, what the dealer wants, what runs and how it is, and
 * what went wrong last. Also remembers when each plugin was enabled, so that a plugin still starting is not yet
 * called failed.
 */
final class PluginStatusView {

    private static final long GRACE_MILLIS = 60_000;

    private final PluginCatalogue catalogue;
    private final ProfileSync profile;
    private final PluginInspector inspector;
    private final Map<String, Long> enabledAt = new ConcurrentHashMap<>();
    /** Why the last start-up step for a plugin failed; shown while the plugin is not running. */
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
    /** An operation that did not finish (a refresh that timed out): the plugin counts as failed until the next one. */
    private final Map<String, String> unfinished = new ConcurrentHashMap<>();
    /** True until the dealer profile has been applied at start: a wanted plugin not yet running is STARTING. */
    private volatile boolean applyingProfile = true;

    PluginStatusView(PluginCatalogue catalogue, ProfileSync profile, PluginInspector inspector) {
        this.catalogue = catalogue;
        this.profile = profile;
        this.inspector = inspector;
    }

    /** The plugin's bundles are being installed anew: what an earlier unfinished operation left no longer counts. */
    void enabled(String id) {
        enabledAt.put(id, System.currentTimeMillis());
        unfinished.remove(id);
    }

    /** The plugin's bundles have been uninstalled: what an earlier unfinished operation left no longer counts. */
    void disabled(String id) {
        enabledAt.remove(id);
        unfinished.remove(id);
    }

    void succeeded(String id) {
        lastProblem.remove(id);
        unfinished.remove(id);
    }

    void failed(String id, String reason) {
        lastProblem.put(id, reason);
    }

    void unfinished(String id, String reason) {
        unfinished.put(id, reason);
    }

    void profileApplied() {
        applyingProfile = false;
    }

    /** The plugin's status; not found if neither a repository nor the dealer profile knows it. */
    PluginStatus known(String id) {
        PluginStatus s = status(id);
        if (s.state() == PluginState.MISSING && profile.entry(id) == null) {
            throw DmsException.notFound("id", "没有名为 " + id + " 的插件", "there is no plugin named " + id);
        }
        return s;
    }

    PluginStatus status(String id) {
        try {
            List<Feature> versions = catalogue.offeredVersions(id);
            Feature installed = catalogue.installed(id);
            DealerProfile.Plugin entry = profile.entry(id);
            Feature remembered = installed == null ? catalogue.fromProfileRepository(id) : null;
            Feature shown = installed != null ? installed : remembered != null ? remembered
                    : versions.isEmpty() ? null : versions.get(versions.size() - 1);
            String title = shown == null ? null : shown.getDescription();
            String repository = shown == null ? (entry == null ? null : entry.repository) : shown.getRepositoryUrl();
            List<String> available = versions.stream().map(Feature::getVersion).toList();
            String notFinished = unfinished.get(id);
            if (installed == null) {
                boolean wanted = entry != null && entry.enabled;
                PluginState state = shown == null ? PluginState.MISSING : notFinished != null ? PluginState.FAILED
                        : !wanted ? PluginState.DISABLED : applyingProfile ? PluginState.STARTING : PluginState.FAILED;
                String problem = notFinished != null ? notFinished : lastProblem.get(id);
                if (state == PluginState.MISSING) {
                    problem = "没有已登记的功能仓库提供该插件 no registered feature repository offers it"
                            + (problem == null ? "" : ": " + problem);
                }
                // enabled is the dealer's choice; a wanted plugin that is not running is STARTING or FAILED
                return new PluginStatus(id, title, shown == null ? null : shown.getVersion(), available, wanted, state,
                        Map.of(), state == PluginState.DISABLED || state == PluginState.STARTING ? null : problem,
                        List.of(), repository);
            }
            Long since = enabledAt.get(id);
            boolean inGrace = since == null || System.currentTimeMillis() - since < GRACE_MILLIS;
            PluginInspector.Health health = inspector.inspect(inspector.bundles(id, installed), inGrace);
            PluginState state = notFinished != null ? PluginState.FAILED : health.state();
            String problem = notFinished == null ? health.problem()
                    : health.problem() == null ? notFinished : notFinished + "; " + health.problem();
            return new PluginStatus(id, title, installed.getVersion(), available, true, state,
                    health.schemaVersions(), problem, health.bundles(), repository);
        } catch (DmsException e) {
            throw e;
        } catch (Exception e) {
            throw RefusalReasons.unavailable(e);
        }
    }
}
